import type { PermissionHelpBrowser } from '../i18n/huoti-strings.js';

/** Every browser with permission help, in the order shown after the detected one. */
export const PERMISSION_HELP_BROWSERS: readonly PermissionHelpBrowser[] = Object.freeze([
  'wechat',
  'alipay',
  'chromeAndroid',
  'safariIos',
  'desktop',
] as const);

/** Which re-enable-the-camera instructions fit this user agent; in-app webviews first. */
export function detectPermissionHelpBrowser(userAgent: string): PermissionHelpBrowser {
  if (/MicroMessenger/i.test(userAgent)) return 'wechat';
  if (/AlipayClient/i.test(userAgent)) return 'alipay';
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'safariIos';
  if (/Android/i.test(userAgent)) return 'chromeAndroid';
  return 'desktop';
}
