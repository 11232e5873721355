import { describe, expect, it } from 'vitest';
import { FLOW_STATE_NAMES, INITIAL_FLOW_STATE, isCameraState, transition, type FlowEvent, type FlowState } from '../src/flow/certification-flow.js';

const run = (events: readonly FlowEvent[], from: FlowState = INITIAL_FLOW_STATE): FlowState => events.reduce(transition, from);

const STATES: Readonly<Record<FlowState['name'], FlowState>> = {
  intro: { name: 'intro' },
  consent: { name: 'consent' },
  declined: { name: 'declined' },
  camera: { name: 'camera' },
  framing: { name: 'framing', hint: null },
  step: { name: 'step', index: 0, total: 3, kind: 'blink', digits: [], hint: null },
  result: { name: 'result', passed: true },
  error: { name: 'error', code: 'CAMERA_DENIED' },
};

describe('certification flow', () => {
  it('starts at the intro', () => {
    expect(INITIAL_FLOW_STATE).toEqual({ name: 'intro' });
    expect(FLOW_STATE_NAMES).toEqual(Object.keys(STATES));
  });

  it('runs intro → consent → camera → framing → steps → passed', () => {
    const end = run([
      { type: 'START' },
      { type: 'ACCEPT' },
      { type: 'CAMERA_READY' },
      { type: 'HINT', code: 'MOVE_CLOSER' },
      { type: 'STEP', index: 0, total: 2, kind: 'blink' },
      { type: 'STEP', index: 1, total: 2, kind: 'readDigits', digits: [3] },
      { type: 'STEP', index: 1, total: 2, kind: 'readDigits', digits: [3, 8] },
      { type: 'COMPLETE', passed: true },
    ]);
    expect(end).toEqual({ name: 'result', passed: true });
  });

  it('declining consent is a normal outcome; back returns to the intro', () => {
    expect(run([{ type: 'START' }, { type: 'DECLINE' }])).toEqual({ name: 'declined' });
    expect(run([{ type: 'START' }, { type: 'DECLINE' }, { type: 'BACK' }])).toEqual({ name: 'intro' });
    expect(run([{ type: 'START' }, { type: 'BACK' }])).toEqual({ name: 'intro' });
  });

  it('keeps revealed digits and the hint within a step, drops the hint on a new step', () => {
    const inStep = run([{ type: 'START' }, { type: 'ACCEPT' }, { type: 'CAMERA_READY' }, { type: 'STEP', index: 0, total: 1, kind: 'readDigits', digits: [1] }]);
    const hinted = transition(inStep, { type: 'HINT', code: 'TOO_DARK' });
    expect(hinted).toMatchObject({ name: 'step', hint: 'TOO_DARK', digits: [1] });
    expect(transition(hinted, { type: 'STEP', index: 0, total: 1, kind: 'readDigits', digits: [1, 2] })).toMatchObject({ hint: 'TOO_DARK', digits: [1, 2] });
    expect(transition(hinted, { type: 'STEP', index: 1, total: 2, kind: 'nod' })).toMatchObject({ index: 1, hint: null, digits: [] });
  });

  it('a failed result carries its reason', () => {
    expect(transition(STATES.step, { type: 'COMPLETE', passed: false, reason: 'STEP_TIMEOUT' })).toEqual({ name: 'result', passed: false, reason: 'STEP_TIMEOUT' });
  });

  it.each([
    ['consent', 'PLAN_EXPIRED'],
    ['camera', 'CAMERA_DENIED'],
    ['framing', 'CAMERA_DISCONNECTED'],
    ['step', 'WORKER_CRASHED'],
  ] as const)('FAIL in %s stops on error %s', (name, code) => {
    expect(transition(STATES[name], { type: 'FAIL', code })).toEqual({ name: 'error', code });
  });

  it.each(['result', 'error'] as const)('RETRY from %s starts the camera again without new consent', (name) => {
    expect(transition(STATES[name], { type: 'RETRY' })).toEqual({ name: 'camera' });
  });

  it('RESET returns every state to the intro', () => {
    for (const state of Object.values(STATES)) expect(transition(state, { type: 'RESET' })).toEqual({ name: 'intro' });
  });

  // Every event that does not apply returns the very same object: callers detect "ignored" by identity.
  const ignored: ReadonlyArray<readonly [FlowState['name'], FlowEvent]> = [
    ['intro', { type: 'ACCEPT' }],
    ['intro', { type: 'FAIL', code: 'CAMERA_DENIED' }],
    ['consent', { type: 'CAMERA_READY' }],
    ['declined', { type: 'ACCEPT' }],
    ['camera', { type: 'STEP', index: 0, total: 1, kind: 'blink' }],
    ['camera', { type: 'HINT', code: 'NO_FACE' }],
    ['camera', { type: 'COMPLETE', passed: true }],
    ['framing', { type: 'CAMERA_READY' }],
    ['framing', { type: 'START' }],
    ['result', { type: 'COMPLETE', passed: true }],
    ['result', { type: 'FAIL', code: 'CAMERA_DENIED' }],
    ['error', { type: 'HINT', code: 'NO_FACE' }],
    ['intro', { type: 'RESET' }],
  ];
  it.each(ignored)('%s ignores %o', (name, event) => {
    expect(transition(STATES[name], event)).toBe(STATES[name]);
  });

  it('the same hint twice is ignored', () => {
    const hinted = transition(STATES.framing, { type: 'HINT', code: 'NO_FACE' });
    expect(transition(hinted, { type: 'HINT', code: 'NO_FACE' })).toBe(hinted);
  });

  it('the camera runs in camera, framing and step only', () => {
    expect(Object.values(STATES).filter(isCameraState).map((state) => state.name)).toEqual(['camera', 'framing', 'step']);
  });
});
