import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { digestEvidence, validateEvidenceBundle, type ChallengePlan } from '@huoti/liveness/protocol';
import { DEFAULT_FACE_MATCH_THRESHOLDS } from '../src/face-match/face-match-thresholds.js';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { declareFakeMedia, fixtureUrl } from '../../../test-support/fake-media.js';

// A photo of a woman on a phone screen held still for 3 s (looped), with the same photo
// (silentface_image_F2.jpg) enrolled as the reference: the face matches, and the run must still
// fail, because a photo never blinks. (F2 is the frontal one of the three stills: F1 and T1 are
// held at about -34° and 20° of yaw and never reach the faceMatch step's frontal pose at all.)
declareFakeMedia({ camera: 'spoof/silentface_image_F2_still3s.mp4' });

/** Short, so the failing run ends quickly; long enough for the blink baseline to form. */
const BLINK_TIMEOUT_MS = 4_000;

describe('1:1 face match on a photo that matches the reference (fake camera)', function () {
  this.timeout(120_000);
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('matches the reference and still fails liveness: the blink step times out', async () => {
    const photo = await (await fetch(fixtureUrl('spoof/silentface_image_F2.jpg'))).blob();
    const enrolled = await engine.enrollReference(photo);
    expect(enrolled.source).to.equal('client-image');

    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const [track] = stream.getVideoTracks();
    const now = Date.now();
    const plan: ChallengePlan = {
      version: 1,
      nonce: 'session-face-match-spoof',
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 120_000).toISOString(),
      strictness: 'standard',
      steps: [{ kind: 'faceMatch' }, { kind: 'blink', timeoutMs: BLINK_TIMEOUT_MS }],
    };
    let outcome: CertificationOutcome | undefined;
    try {
      for await (const event of runCertification({ engine, video: track!, plan })) {
        if (event.type === 'complete') outcome = event.outcome;
      }
    } finally {
      track!.stop();
    }
    const bundle = outcome!.evidence;
    const record = bundle.evidence.faceMatch!;
    console.log(`photo vs its own reference: ${JSON.stringify(record)}; steps ${JSON.stringify(bundle.steps)}`);
    expect(outcome!.passed).to.equal(false);
    expect(outcome!.reason).to.equal('TIMEOUT');
    expect(bundle.steps.map((step) => [step.kind, step.passed])).to.deep.equal([
      ['faceMatch', true],
      ['blink', false],
    ]);
    expect(record).to.include({ mode: 'reference', decision: 'match' });
    for (const score of record.scores) expect(score.similarity).to.be.at.least(DEFAULT_FACE_MATCH_THRESHOLDS.standard);
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
    expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);
  });
});
