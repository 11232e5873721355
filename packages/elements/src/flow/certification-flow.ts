import type { HuotiErrorCode } from '@huoti/liveness';
import type { ChallengeStepKind } from '@huoti/liveness/protocol';
import type { FailureReason, HintCode } from '../driver/certification-driver.js';
import type { HuotiElementErrorCode } from '../errors/huoti-element-error.js';

/** The name of each screen of `<huoti-liveness>`; reflected as its `state` attribute. */
export type FlowStateName = 'intro' | 'consent' | 'declined' | 'camera' | 'framing' | 'step' | 'result' | 'error';

/** Every state name, in flow order. */
export const FLOW_STATE_NAMES: readonly FlowStateName[] = Object.freeze([
  'intro',
  'consent',
  'declined',
  'camera',
  'framing',
  'step',
  'result',
  'error',
] as const);

/** An error code the flow can stop on: the element's own, or an engine (`@huoti/liveness`) code. */
export type FlowErrorCode = HuotiElementErrorCode | HuotiErrorCode;

/** Where the certification is: a pure value; the element renders it. */
export type FlowState =
  | { readonly name: 'intro' }
  | { readonly name: 'consent' }
  | { readonly name: 'declined' }
  | { readonly name: 'camera' }
  | { readonly name: 'framing'; readonly hint: HintCode | null }
  | {
      readonly name: 'step';
      /** 0-based. */
      readonly index: number;
      readonly total: number;
      readonly kind: ChallengeStepKind;
      /** Revealed digits of a `readDigits` step; empty otherwise. */
      readonly digits: readonly number[];
      readonly hint: HintCode | null;
    }
  | { readonly name: 'result'; readonly passed: true }
  | { readonly name: 'result'; readonly passed: false; readonly reason: FailureReason }
  | { readonly name: 'error'; readonly code: FlowErrorCode };

/** What can happen to the flow. */
export type FlowEvent =
  /** The person pressed "start" on the intro. */
  | { readonly type: 'START' }
  /** Consent to face processing given. */
  | { readonly type: 'ACCEPT' }
  /** Consent refused: a normal outcome, the offline channels are shown. */
  | { readonly type: 'DECLINE' }
  /** Back from the consent or declined screen to the intro. */
  | { readonly type: 'BACK' }
  /** The camera preview plays. */
  | { readonly type: 'CAMERA_READY' }
  | { readonly type: 'HINT'; readonly code: HintCode }
  | {
      readonly type: 'STEP';
      readonly index: number;
      readonly total: number;
      readonly kind: ChallengeStepKind;
      readonly digits?: readonly number[];
    }
  | { readonly type: 'COMPLETE'; readonly passed: true }
  | { readonly type: 'COMPLETE'; readonly passed: false; readonly reason: FailureReason }
  | { readonly type: 'FAIL'; readonly code: FlowErrorCode }
  /** Try again after a result or an error: consent stands, the camera starts afresh. */
  | { readonly type: 'RETRY' }
  /** Back to the very beginning, from anywhere. */
  | { readonly type: 'RESET' };

/** The state a fresh element starts in. */
export const INITIAL_FLOW_STATE: FlowState = Object.freeze({ name: 'intro' });

/** States during which the camera runs. */
export const isCameraState = (state: FlowState): boolean =>
  state.name === 'camera' || state.name === 'framing' || state.name === 'step';

/**
 * The flow: intro → consent → (declined | camera → framing → step… → result), with `error`
 * reachable from consent (plan problems, no engine) and from any camera state.
 *
 * Pure. Returns `state` itself (same reference) when the event does not apply in that state,
 * so callers can tell "ignored" from "moved".
 */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  if (event.type === 'RESET') return state.name === 'intro' ? state : INITIAL_FLOW_STATE;
  switch (state.name) {
    case 'intro':
      return event.type === 'START' ? { name: 'consent' } : state;
    case 'consent':
      if (event.type === 'ACCEPT') return { name: 'camera' };
      if (event.type === 'DECLINE') return { name: 'declined' };
      if (event.type === 'BACK') return INITIAL_FLOW_STATE;
      if (event.type === 'FAIL') return { name: 'error', code: event.code };
      return state;
    case 'declined':
      return event.type === 'BACK' ? INITIAL_FLOW_STATE : state;
    case 'camera':
      if (event.type === 'CAMERA_READY') return { name: 'framing', hint: null };
      return runningEvent(state, event);
    case 'framing':
    case 'step':
      return runningEvent(state, event);
    case 'result':
    case 'error':
      return event.type === 'RETRY' ? { name: 'camera' } : state;
  }
}

function runningEvent(state: FlowState & { name: 'camera' | 'framing' | 'step' }, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'FAIL':
      return { name: 'error', code: event.code };
    case 'COMPLETE':
      return state.name === 'camera' ? state : event.passed ? { name: 'result', passed: true } : { name: 'result', passed: false, reason: event.reason };
    case 'HINT':
      return state.name === 'camera' || state.hint === event.code ? state : { ...state, hint: event.code };
    case 'STEP': {
      if (state.name === 'camera') return state;
      const isSameStep = state.name === 'step' && state.index === event.index;
      return {
        name: 'step',
        index: event.index,
        total: event.total,
        kind: event.kind,
        digits: event.digits ?? [],
        // A new step starts without the previous step's guidance.
        hint: isSameStep ? state.hint : null,
      };
    }
    default:
      return state;
  }
}
