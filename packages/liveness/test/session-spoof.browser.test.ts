import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { digestEvidence, validateEvidenceBundle, type ChallengePlan } from '@huoti/liveness/protocol';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// A printed photo held still for 3 s (looped): a face, but it never blinks.
declareFakeMedia({ camera: 'spoof/silentface_image_F1_still3s.mp4' });

/** Short, so the failing run ends quickly; long enough for the blink baseline to form and a few dozen planarity frame pairs. */
const STEP_TIMEOUT_MS = 4_000;

describe('runCertification on a still photo (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('fails a blink plan with a step timeout, with valid evidence of the failure', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const [track] = stream.getVideoTracks();
    const now = Date.now();
    const plan: ChallengePlan = {
      version: 1,
      nonce: 'session-spoof-test-nonce',
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 120_000).toISOString(),
      strictness: 'standard',
      steps: [{ kind: 'blink', timeoutMs: STEP_TIMEOUT_MS }, { kind: 'mouthOpen' }],
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
    expect(outcome!.reason).to.equal('TIMEOUT');
    const bundle = outcome!.evidence;
    expect(bundle.steps).to.have.length(1);
    expect(bundle.steps[0]).to.include({ kind: 'blink', passed: false });
    expect(bundle.steps[0]!.durationMs).to.be.within(STEP_TIMEOUT_MS, STEP_TIMEOUT_MS + 1_000);
    expect(bundle.evidence.trace.steps).to.deep.equal([{ kind: 'blink', eventsMs: [] }]);
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
    expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);

    // The planarity signal has nothing to judge on a photo held perfectly still: it records
    // "insufficient motion", neither "planar" nor live.
    const planarity = bundle.evidence.presentation?.planarity;
    console.log(`planarity: ${JSON.stringify(planarity)}`);
    expect(planarity, 'evidence.presentation.planarity').to.not.equal(undefined);
    expect(planarity!.framePairs).to.be.greaterThan(5);
    expect(planarity!.movingPairs).to.be.lessThan(5);
    expect(planarity!.verdict).to.equal('insufficient_motion');
  });
});
