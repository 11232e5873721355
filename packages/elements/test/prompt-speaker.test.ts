import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromptSpeaker } from '../src/speech/prompt-speaker.js';

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}

function fakeSynthesis(langs: readonly string[]): SpeechSynthesis & { spoken: FakeUtterance[]; cancelled: number } {
  const fake = {
    spoken: [] as FakeUtterance[],
    cancelled: 0,
    getVoices: () => langs.map((lang) => ({ lang, name: lang }) as SpeechSynthesisVoice),
    speak(utterance: FakeUtterance) {
      fake.spoken.push(utterance);
    },
    cancel() {
      fake.cancelled += 1;
    },
  };
  return fake as unknown as SpeechSynthesis & { spoken: FakeUtterance[]; cancelled: number };
}

describe('PromptSpeaker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('speaks only when a voice for the language exists', () => {
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
    const synthesis = fakeSynthesis(['en-US', 'zh_CN']);
    const speaker = new PromptSpeaker(synthesis);
    expect(speaker.canSpeak('zh-CN')).toBe(true);
    expect(speaker.speak('请眨眨眼', 'zh-CN', 0.8)).toBe(true);
    expect(synthesis.spoken[0]).toMatchObject({ text: '请眨眨眼', lang: 'zh_CN', rate: 0.8 });
    expect(synthesis.cancelled, 'cuts off the previous prompt').toBe(1);

    const englishOnly = new PromptSpeaker(fakeSynthesis(['en-GB']));
    expect(englishOnly.canSpeak('zh-CN')).toBe(false);
    expect(englishOnly.speak('请眨眨眼', 'zh-CN')).toBe(false);
    expect(englishOnly.canSpeak('en')).toBe(true);
  });

  it('accepts Mandarin voices labelled cmn', () => {
    expect(new PromptSpeaker(fakeSynthesis(['cmn-Hans-CN'])).canSpeak('zh-CN')).toBe(true);
    expect(new PromptSpeaker(fakeSynthesis(['zh-TW'])).canSpeak('zh-CN')).toBe(false);
  });

  it('does nothing without speechSynthesis', () => {
    const speaker = new PromptSpeaker(null);
    expect(speaker.canSpeak('zh-CN')).toBe(false);
    expect(speaker.speak('x', 'en')).toBe(false);
    expect(() => speaker.cancel()).not.toThrow();
  });
});
