/** Live guidance codes the guards raise before a condition fails the run. Codes are API: add, never rename. */
export type GuardHintCode =
  | 'ONE_FACE_ONLY'
  | 'FACE_NOT_FOUND'
  | 'MOVE_CLOSER'
  | 'MOVE_BACK'
  | 'MORE_LIGHT'
  | 'AVOID_BACKLIGHT'
  | 'HOLD_STILL'
  | 'DEVICE_TOO_SLOW';

/** Text of one hint in the two shipped languages. */
export interface GuardHintText {
  /** Simplified Chinese. */
  readonly 'zh-CN': string;
  /** English. */
  readonly en: string;
}

/** A hint to show now, with its text. */
export interface GuardHint {
  /** Stable code, for UIs with their own wording. */
  readonly code: GuardHintCode;
  /** The shipped wording. */
  readonly text: GuardHintText;
}

/** Short, plain sentences for elderly users, one per {@link GuardHintCode}. */
export const GUARD_HINT_TEXTS: Readonly<Record<GuardHintCode, GuardHintText>> = Object.freeze({
  ONE_FACE_ONLY: Object.freeze({ 'zh-CN': '请确保画面中只有您一个人', en: 'Only one person in view, please' }),
  FACE_NOT_FOUND: Object.freeze({ 'zh-CN': '请把脸对准屏幕中的框', en: 'Put your face inside the frame' }),
  MOVE_CLOSER: Object.freeze({ 'zh-CN': '请靠近一点', en: 'Move closer' }),
  MOVE_BACK: Object.freeze({ 'zh-CN': '请离远一点', en: 'Move back a little' }),
  MORE_LIGHT: Object.freeze({ 'zh-CN': '光线太暗，请到亮一点的地方', en: 'More light, please' }),
  AVOID_BACKLIGHT: Object.freeze({ 'zh-CN': '请不要背对窗户或灯光', en: 'Do not sit with a window or lamp behind you' }),
  HOLD_STILL: Object.freeze({ 'zh-CN': '画面模糊，请拿稳手机', en: 'Image is blurry, hold the phone still' }),
  DEVICE_TOO_SLOW: Object.freeze({ 'zh-CN': '设备较慢，请关闭其他应用', en: 'Device is slow, close other apps' }),
});
