import type { ChallengeStepKind } from '../protocol/challenge-plan.js';
import type { ActionDetector } from './action-detector.js';
import { BlinkDetector } from './blink-detector.js';
import { FrontalHoldDetector } from './frontal-hold-detector.js';
import { HeadTurnDetector } from './head-turn-detector.js';
import { MouthOpenDetector } from './mouth-open-detector.js';
import type { StrictnessProfile } from './strictness-profiles.js';

/** The step kinds recognised from the video metric stream alone (`readDigits` also needs audio). */
export type MotionStepKind = Exclude<ChallengeStepKind, 'readDigits'>;

/** A fresh detector for `kind` with the thresholds of `profile`. */
export function createActionDetector(kind: MotionStepKind, profile: StrictnessProfile): ActionDetector {
  switch (kind) {
    case 'blink':
      return new BlinkDetector(profile.blink);
    case 'mouthOpen':
      return new MouthOpenDetector(profile.mouthOpen);
    case 'turnLeft':
    case 'turnRight':
    case 'nod':
      return new HeadTurnDetector(kind, profile.headTurn);
    case 'faceMatch':
      return new FrontalHoldDetector();
  }
}
