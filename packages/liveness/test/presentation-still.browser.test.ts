import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { validateEvidenceBundle, type ChallengePlan } from '@huoti/liveness/protocol';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// A printed photo held perfectly still (looped): the planarity signal has nothing to judge.
declareFakeMedia({ camera: 'spoof/silentface_image_F1_still3s.mp4' });

/** Long enough for a few dozen frame pairs even on a loaded machine. */
const STEP_TIMEOUT_MS = 5_000;

describe('planarity evidence on a frozen photo (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('records "insufficient motion", not "planar" and not live', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const [track] = stream.getVideoTracks();
    const now = Date.now();
    const plan: ChallengePlan = {
      version: 1,
      nonce: 'presentation-still-test-nonce',
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 120_000).toISOString(),
      strictness: 'standard',
      steps: [{ kind: 'blink', timeoutMs: STEP_TIMEOUT_MS }],
    };
    let outcome: CertificationOutcome | undefined;
    try {
      for await (const event of runCertification({ engine, video: track!, plan })) {
        if (event.type === 'complete') outcome = event.outcome;
      }
    } finally {
      track!.stop();
    }
    expect(outcome!.passed).to.equal(false);
    const planarity = outcome!.evidence.evidence.presentation?.planarity;
    console.log(`planarity: ${JSON.stringify(planarity)}`);
    expect(planarity, 'evidence.presentation.planarity').to.not.equal(undefined);
    expect(planarity!.framePairs).to.be.greaterThan(5);
    expect(planarity!.movingPairs).to.be.lessThan(5);
    expect(planarity!.verdict).to.equal('insufficient_motion');
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(outcome!.evidence)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
  });
});
