import { expect } from '@esm-bundle/chai';
import { en, zhCN } from '@huoti/elements';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { axeViolations, buttonNamed, ControlledDriver, mountLiveness, oneEvent, part, testPlan, textOf } from './support/liveness-harness.js';
import { screenshot } from './support/wtr-commands.js';

// Chromium refuses the camera permission prompt.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4', permission: 'denied' });

describe('<huoti-liveness> with camera permission refused', () => {
  for (const [lang, strings] of [
    ['zh-CN', zhCN],
    ['en', en],
  ] as const) {
    it(`${lang}: ends in CAMERA_DENIED with help to re-enable the camera, and can retry`, async () => {
      const driver = new ControlledDriver();
      const element = await mountLiveness({ plan: testPlan(), lang, elderly: '' }, { driver });
      try {
        element.start();
        await element.updateComplete;
        const failed = oneEvent(element, 'huoti-error');
        buttonNamed(element, strings.consentAccept).click();
        const { detail } = await failed;
        expect(detail.code).to.equal('CAMERA_DENIED');
        expect(detail.message).to.equal(strings.errors.CAMERA_DENIED);
        expect((detail.cause as Error).name).to.equal('HuotiElementError');
        await element.updateComplete;
        expect(element.state).to.equal('error');
        expect(driver.runs, 'the driver never starts without a camera').to.have.length(0);
        const help = part(element, 'help');
        expect(help, 'permission help').to.not.equal(null);
        for (const browser of ['chromeAndroid', 'safariIos', 'wechat', 'alipay'] as const) expect(help!.textContent).to.contain(strings.permissionHelp[browser]);
        expect(textOf(element)).to.contain('12333');
        expect(await axeViolations(element)).to.deep.equal([]);
        await screenshot(`liveness-error-camera-denied-${lang}`);

        const again = oneEvent(element, 'huoti-error');
        buttonNamed(element, strings.retryButton).click();
        expect((await again).detail.code).to.equal('CAMERA_DENIED');
      } finally {
        element.remove();
      }
    });
  }
});
