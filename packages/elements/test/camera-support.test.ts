import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from '../src/camera/camera-controller.js';
import { CAMERA_DEVICE_STORAGE_KEY, CameraPreferenceStore, type PreferenceStorage } from '../src/camera/camera-preference-store.js';
import { detectPermissionHelpBrowser } from '../src/camera/permission-help.js';

class MemoryStorage implements PreferenceStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const throwingStorage: PreferenceStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('cameraErrorCode', () => {
  it.each([
    ['NotAllowedError', 'CAMERA_DENIED'],
    ['SecurityError', 'CAMERA_DENIED'],
    ['NotFoundError', 'CAMERA_NOT_FOUND'],
    ['NotReadableError', 'CAMERA_BUSY'],
    ['AbortError', 'CAMERA_BUSY'],
    ['OverconstrainedError', 'CAMERA_OVERCONSTRAINED'],
    ['TypeError', 'CAMERA_UNSUPPORTED'],
    ['SomethingNew', 'CAMERA_BUSY'],
  ])('%s → %s', (name, code) => {
    expect(cameraErrorCode(new DOMException('x', name))).toBe(code);
  });

  it('reads the name of plain objects (OverconstrainedError is not always a DOMException)', () => {
    expect(cameraErrorCode({ name: 'OverconstrainedError', constraint: 'deviceId' })).toBe('CAMERA_OVERCONSTRAINED');
    expect(cameraErrorCode(null)).toBe('CAMERA_BUSY');
  });
});

describe('CameraPreferenceStore', () => {
  it('remembers and forgets the chosen camera under huoti.camera.deviceId', () => {
    const storage = new MemoryStorage();
    const store = new CameraPreferenceStore(storage);
    expect(store.read()).toBeNull();
    store.write('abc');
    expect(storage.items.get(CAMERA_DEVICE_STORAGE_KEY)).toBe('abc');
    expect(CAMERA_DEVICE_STORAGE_KEY).toBe('huoti.camera.deviceId');
    expect(store.read()).toBe('abc');
    store.forget();
    expect(store.read()).toBeNull();
  });

  it('survives storage that throws or is missing', () => {
    for (const store of [new CameraPreferenceStore(throwingStorage), new CameraPreferenceStore(null)]) {
      expect(() => store.write('abc')).not.toThrow();
      expect(store.read()).toBeNull();
      expect(() => store.forget()).not.toThrow();
    }
  });
});

describe('detectPermissionHelpBrowser', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 XWEB/1 MicroMessenger/8.0.40', 'wechat'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 AlipayClient/10.5', 'alipay'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', 'safariIos'],
    ['Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36', 'chromeAndroid'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36', 'desktop'],
  ])('%s → %s', (userAgent, browser) => {
    expect(detectPermissionHelpBrowser(userAgent)).toBe(browser);
  });
});
