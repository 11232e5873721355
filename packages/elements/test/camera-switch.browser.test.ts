import { expect } from '@esm-bundle/chai';
import { zhCN } from '@huoti/elements';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { axeViolations, ControlledDriver, mountLiveness, part, startToFraming, testPlan, until, videoOf } from './support/liveness-harness.js';

// Two cameras: only Chromium's synthetic device can offer more than one.
declareFakeMedia({ camera: 'synthetic', cameraCount: 2 });

describe('<huoti-liveness> with two cameras', () => {
  afterEach(() => localStorage.removeItem('huoti.camera.deviceId'));

  it('lets the person switch camera, remembers the choice, and uses it next time', async () => {
    const driver = new ControlledDriver();
    const element = await mountLiveness({ plan: testPlan(), helper: '' }, { driver });
    try {
      await startToFraming(element);
      const select = await (async () => {
        await until(() => part(element, 'camera-select') !== null, 'camera chooser');
        return part(element, 'camera-select')!.querySelector('select')!;
      })();
      expect(select.labels?.[0]?.textContent).to.equal(zhCN.cameraSelectLabel);
      expect(select.options).to.have.length(2);
      const firstStream = element.cameraStream!;
      const firstId = firstStream.getVideoTracks()[0]!.getSettings().deviceId;
      expect(select.value).to.equal(firstId);
      const other = [...select.options].find((option) => option.value !== firstId)!.value;
      select.value = other;
      select.dispatchEvent(new Event('change'));
      await until(() => element.cameraStream !== null && element.cameraStream !== firstStream, 'switched stream');
      expect(element.cameraStream!.getVideoTracks()[0]!.getSettings().deviceId).to.equal(other);
      expect(firstStream.getTracks().every((track) => track.readyState === 'ended'), 'old camera stopped').to.equal(true);
      expect(videoOf(element).srcObject).to.equal(element.cameraStream);
      expect(localStorage.getItem('huoti.camera.deviceId')).to.equal(other);
      expect(driver.runs, 'switching keeps the same run').to.have.length(1);
      expect(await axeViolations(element)).to.deep.equal([]);
      element.remove();

      const next = await mountLiveness({ plan: testPlan() }, { driver: new ControlledDriver() });
      await startToFraming(next);
      expect(next.cameraStream!.getVideoTracks()[0]!.getSettings().deviceId, 'remembered camera').to.equal(other);
      next.remove();
    } finally {
      element.remove();
    }
  });
});
