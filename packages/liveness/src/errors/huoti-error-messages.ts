import type { HuotiErrorCode } from './huoti-error-code.js';

/** A message in each language the SDK ships. */
export interface LocalizedMessage {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** Default zh-CN/en text for every error code; the `satisfies` clause makes a missing code a type error. */
export const HUOTI_ERROR_MESSAGES = Object.freeze({
  WORKER_START_FAILED: {
    'zh-CN': '无法启动人脸分析程序，请刷新页面后重试。',
    en: 'The face analysis worker could not start. Reload the page and try again.',
  },
  WORKER_CRASHED: {
    'zh-CN': '人脸分析程序意外停止，请重试。',
    en: 'The face analysis worker stopped unexpectedly. Please try again.',
  },
  WORKER_TERMINATED: {
    'zh-CN': '人脸分析已停止。',
    en: 'Face analysis was stopped.',
  },
  ASSET_LOAD_FAILED: {
    'zh-CN': '无法加载人脸识别所需文件，请检查网络后重试。',
    en: 'Files needed for face analysis could not be loaded. Check the network and try again.',
  },
  BACKEND_UNAVAILABLE: {
    'zh-CN': '此浏览器不支持人脸分析，请更换浏览器或到线下窗口办理。',
    en: 'This browser cannot run face analysis. Try another browser or use an offline service point.',
  },
  DISPOSED: {
    'zh-CN': '人脸分析已关闭，请重新开始。',
    en: 'Face analysis has been closed. Please start again.',
  },
  INVALID_INPUT: {
    'zh-CN': '输入无效。',
    en: 'Invalid input.',
  },
  ABORTED: {
    'zh-CN': '操作已取消。',
    en: 'The operation was cancelled.',
  },
  REFERENCE_NO_FACE: {
    'zh-CN': '参照照片中没有找到人脸，请换一张清晰的正面照片。',
    en: 'No face was found in the reference photo. Use a clear photo of the face from the front.',
  },
  REFERENCE_MULTIPLE_FACES: {
    'zh-CN': '参照照片中有多张人脸，请换一张只有本人的照片。',
    en: 'The reference photo shows more than one face. Use a photo of the person alone.',
  },
  REFERENCE_FACE_TOO_SMALL: {
    'zh-CN': '参照照片中的人脸太小，请换一张人脸更大、更清晰的照片。',
    en: 'The face in the reference photo is too small. Use a photo where the face is larger and sharp.',
  },
  AUDIO_SUSPENDED: {
    'zh-CN': '浏览器暂停了录音，请点一下屏幕上的按钮后继续。',
    en: 'The browser paused sound recording. Tap a button on the page to continue.',
  },
} satisfies Record<HuotiErrorCode, LocalizedMessage>);
