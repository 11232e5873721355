// A web-test-runner command that saves a PNG of the test page, so a person can look at each state
// of a component. Browser side: packages/elements/test/support/screenshot.ts.
//   executeServerCommand('huoti-screenshot', { name: 'liveness-intro-zh-CN', width: 480, height: 800 })
// writes .cache/screenshots/<name>.png, or docs/screenshots/<name>.png (the committed set) when
// HUOTI_UPDATE_SCREENSHOTS=1, so a plain test run never dirties the checkout. Names are kebab-case;
// sizes are capped to keep files small.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './fixtures-dir.mjs';

const NAME = /^[a-z0-9][a-z0-9.-]*$/i;
const MAX_SIDE_PX = 1280;

const DEFAULT_OUT_DIR =
  process.env.HUOTI_UPDATE_SCREENSHOTS === '1' ? join(repoRoot, 'docs', 'screenshots') : join(repoRoot, '.cache', 'screenshots');

export function screenshotCommand({ outDir = DEFAULT_OUT_DIR } = {}) {
  return {
    name: 'huoti-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'huoti-screenshot') return undefined;
      const { name, width = 480, height = 800 } = payload ?? {};
      if (typeof name !== 'string' || !NAME.test(name)) throw new Error(`huoti-screenshot: invalid name ${JSON.stringify(name)}`);
      if (!(width > 0 && width <= MAX_SIDE_PX && height > 0 && height <= MAX_SIDE_PX)) throw new Error(`huoti-screenshot: size ${width}×${height} out of range`);
      if (typeof session.browser.getPage !== 'function') throw new Error('huoti-screenshot needs the Chrome launcher (puppeteer page)');
      const page = session.browser.getPage(session.id);
      await page.setViewport({ width, height, deviceScaleFactor: 1 });
      await mkdir(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, `${name}.png`), type: 'png' });
      return true;
    },
  };
}
