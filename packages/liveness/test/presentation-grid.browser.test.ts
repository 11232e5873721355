import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { validateEvidenceBundle, type ChallengePlan } from '@huoti/liveness/protocol';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// A GRID speaker talking (and moving a little) in a 3 s loop: a live, non-rigid face.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

/** The run only has to last: the speaker never nods, so the step times out and the run ends. */
const STEP_TIMEOUT_MS = 8_000;
/** The loaded CI box may analyse only ~3 frames per second: keep the frame-rate guard out of the way. */
const PROFILE_OVERRIDES = { guards: { minFrameRateFps: 1 } };

describe('planarity evidence on a talking face (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('records the face as not planar', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const [track] = stream.getVideoTracks();
    const now = Date.now();
    const plan: ChallengePlan = {
      version: 1,
      nonce: 'presentation-grid-test-nonce',
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 120_000).toISOString(),
      strictness: 'standard',
      steps: [{ kind: 'nod', timeoutMs: STEP_TIMEOUT_MS }],
    };
    let outcome: CertificationOutcome | undefined;
    try {
      for await (const event of runCertification({ engine, video: track!, plan, profileOverrides: PROFILE_OVERRIDES })) {
        if (event.type === 'complete') outcome = event.outcome;
      }
    } finally {
      track!.stop();
    }
    const planarity = outcome!.evidence.evidence.presentation?.planarity;
    console.log(`planarity: ${JSON.stringify(planarity)}`);
    expect(planarity, 'evidence.presentation.planarity').to.not.equal(undefined);
    expect(planarity!.movingPairs).to.be.at.least(5);
    expect(planarity!.verdict, JSON.stringify(planarity)).to.equal('non_planar');
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(outcome!.evidence)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
  });
});
