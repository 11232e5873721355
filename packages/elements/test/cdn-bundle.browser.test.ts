import { expect } from '@esm-bundle/chai';

interface HuotiGlobal {
  version: string;
  liveness: { VERSION: string; HuotiError: new (code: string) => Error & { code: string } };
  eligibility: { VERSION: string };
}

// The script-tag build: a classic <script> (not a module) defines window.Huoti.
describe('CDN bundle (huoti.min.js)', () => {
  it('loads with a plain <script> tag and defines window.Huoti', async () => {
    const script = document.createElement('script');
    script.src = '/packages/elements/dist/cdn/huoti.min.js';
    const loaded = new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`failed to load ${script.src}`)));
    });
    document.head.append(script);
    await loaded;

    const huoti = (window as unknown as { Huoti?: HuotiGlobal }).Huoti;
    expect(huoti, 'window.Huoti').to.be.an('object');
    const { version } = await (await fetch('/packages/elements/package.json')).json();
    expect(huoti!.version).to.equal(version);
    expect(huoti!.liveness.VERSION).to.equal(version);
    expect(huoti!.eligibility.VERSION).to.equal(version);
    expect(new huoti!.liveness.HuotiError('DISPOSED').code).to.equal('DISPOSED');
    expect(script.type, 'a classic script, not a module').to.equal('');
  });
});
