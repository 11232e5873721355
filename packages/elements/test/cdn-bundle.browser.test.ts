import { expect } from '@esm-bundle/chai';

interface HuotiGlobal {
  version: string;
  liveness: { VERSION: string; HuotiError: new (code: string) => Error & { code: string } };
  eligibility: { VERSION: string };
}

// The script-tag build: a classic <script> (not a module) defines window.Huoti.
describe('CDN bundle (huoti.min.js)', () => {
  const script = document.createElement('script');
  before(async () => {
    script.src = '/packages/elements/dist/cdn/huoti.min.js';
    script.dataset['assetBase'] = '/self-hosted/huoti-assets/';
    const loaded = new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`failed to load ${script.src}`)));
    });
    document.head.append(script);
    await loaded;
  });

  it('loads with a plain <script> tag and defines window.Huoti', async () => {
    const huoti = (window as unknown as { Huoti?: HuotiGlobal }).Huoti;
    expect(huoti, 'window.Huoti').to.be.an('object');
    const { version } = await (await fetch('/packages/elements/package.json')).json();
    expect(huoti!.version).to.equal(version);
    expect(huoti!.liveness.VERSION).to.equal(version);
    expect(huoti!.eligibility.VERSION).to.equal(version);
    expect(new huoti!.liveness.HuotiError('DISPOSED').code).to.equal('DISPOSED');
    expect(script.type, 'a classic script, not a module').to.equal('');
  });

  it('registers <huoti-liveness> and takes data-asset-base from its own <script> tag', async () => {
    const element = customElements.get('huoti-liveness') as (CustomElementConstructor & { defaultAssetBase: string | null }) | undefined;
    expect(element, 'huoti-liveness is defined').to.be.a('function');
    expect((window as unknown as { Huoti: { HuotiLiveness: unknown } }).Huoti.HuotiLiveness).to.equal(element);
    expect(element!.defaultAssetBase).to.equal(new URL('/self-hosted/huoti-assets/', location.href).href);
    const instance = document.createElement('huoti-liveness');
    document.body.append(instance);
    try {
      await (instance as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(instance.shadowRoot?.querySelector('h2')?.textContent).to.equal('刷脸认证');
    } finally {
      instance.remove();
    }
  });
});
