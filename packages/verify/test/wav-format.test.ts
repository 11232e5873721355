import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWavFormat } from '../src/verification/wav-format.js';
import { wavBase64 } from './support/synthesize-evidence.js';

const wav = Buffer.from(wavBase64(1_000), 'base64');

describe('readWavFormat', () => {
  it('reads a 16 kHz mono 16-bit PCM WAV', () => {
    expect(readWavFormat(wav)).toEqual({ sampleRateHz: 16_000, channels: 1, bitsPerSample: 16, dataBytes: 32_000 });
  });

  it('skips unknown chunks before the data', () => {
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(readWavFormat(withList)?.dataBytes).toBe(32_000);
  });

  const broken: [string, Uint8Array][] = [
    ['empty', new Uint8Array()],
    ['not RIFF', Buffer.concat([Buffer.from('RIFX'), wav.subarray(4)])],
    ['data chunk running past the end', wav.subarray(0, 1_000)],
    ['no fmt chunk', Buffer.concat([wav.subarray(0, 12), wav.subarray(36)])],
    ['a compressed format', Buffer.concat([wav.subarray(0, 20), Buffer.from([3, 0]), wav.subarray(22)])],
  ];
  it.each(broken)('refuses %s', (_name, bytes) => {
    expect(readWavFormat(bytes)).toBeUndefined();
  });

  it('never throws on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const header = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE'), bytes]);
        expect(() => readWavFormat(header)).not.toThrow();
      }),
      { numRuns: 2_000 },
    );
  });
});
