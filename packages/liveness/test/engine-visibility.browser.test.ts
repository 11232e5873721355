import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type FrameMetrics } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { openFakeCamera } from './clip-samples.js';

// The engine stops grabbing frames while the page is hidden (a backgrounded tab or an in-app
// browser sent behind the chat) and resumes when it is shown again.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

/** How long a hidden page must stay without a new analysed frame. */
const HIDDEN_WINDOW_MS = 1_500;
/** Deadline for the first frame after the page is shown again. */
const RESUME_DEADLINE_MS = 10_000;

const TIMED_OUT = Symbol('timed out');
const within = <T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> =>
  Promise.race([promise, new Promise<typeof TIMED_OUT>((resolve) => setTimeout(() => resolve(TIMED_OUT), ms))]);

/** Headless Chromium is never hidden: report the state the page would have and fire the event. */
function setPageHidden(isHidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (isHidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('liveness engine and page visibility', function () {
  this.timeout(60_000);

  it('pauses while the page is hidden and resumes when it is shown', async () => {
    const engine = await createLivenessEngine({ eyeRefinement: 'none' });
    const track = await openFakeCamera();
    const frames = engine.watch(track)[Symbol.asyncIterator]();
    try {
      expect((await frames.next()).done).to.equal(false);
      setPageHidden(true);
      // A frame grabbed before the page was hidden may still come back; after it, nothing.
      let next: Promise<IteratorResult<FrameMetrics>> = frames.next();
      const inFlight = await within(next, HIDDEN_WINDOW_MS);
      if (inFlight !== TIMED_OUT) {
        next = frames.next();
        expect(await within(next, HIDDEN_WINDOW_MS), 'no frame analysed while hidden').to.equal(TIMED_OUT);
      }
      setPageHidden(false);
      const resumed = await within(next, RESUME_DEADLINE_MS);
      expect(resumed, 'frames flow again once the page is visible').to.not.equal(TIMED_OUT);
      expect((resumed as IteratorResult<FrameMetrics>).value.faceCount).to.equal(1);
    } finally {
      setPageHidden(false);
      delete (document as { visibilityState?: unknown }).visibilityState;
      delete (document as { hidden?: unknown }).hidden;
      await frames.return?.(undefined);
      track.stop();
      await engine.dispose();
    }
  });
});
