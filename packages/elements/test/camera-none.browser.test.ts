import { expect } from '@esm-bundle/chai';
import { zhCN } from '@huoti/elements';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { axeViolations, buttonNamed, ControlledDriver, mountLiveness, oneEvent, testPlan } from './support/liveness-harness.js';

// A machine without any camera.
declareFakeMedia({ camera: 'none' });

describe('<huoti-liveness> without a camera', () => {
  it('ends in CAMERA_NOT_FOUND with what to do', async () => {
    const element = await mountLiveness({ plan: testPlan() }, { driver: new ControlledDriver() });
    try {
      element.start();
      await element.updateComplete;
      const failed = oneEvent(element, 'huoti-error');
      buttonNamed(element, zhCN.consentAccept).click();
      const { detail } = await failed;
      expect(detail.code).to.equal('CAMERA_NOT_FOUND');
      expect(detail.message).to.equal(zhCN.errors.CAMERA_NOT_FOUND);
      await element.updateComplete;
      expect(element.shadowRoot!.textContent).to.contain(zhCN.errors.CAMERA_NOT_FOUND);
      expect(element.shadowRoot!.querySelector('[part~="help"]'), 'no permission help for a missing camera').to.equal(null);
      expect(await axeViolations(element)).to.deep.equal([]);
    } finally {
      element.remove();
    }
  });
});
