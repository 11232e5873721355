import type { HuotiLang } from '../i18n/huoti-strings.js';

/**
 * Speaks prompts with `speechSynthesis` when a voice for the language exists; otherwise does
 * nothing (the text is always on screen and in the live region).
 */
export class PromptSpeaker {
  readonly #synthesis: SpeechSynthesis | null;

  constructor(synthesis: SpeechSynthesis | null = typeof speechSynthesis === 'undefined' ? null : speechSynthesis) {
    this.#synthesis = synthesis;
  }

  /** A voice for `lang` (zh-CN: any Mandarin `zh-CN`/`cmn` voice; en: any English voice). */
  voiceFor(lang: HuotiLang): SpeechSynthesisVoice | null {
    const voices = this.#synthesis?.getVoices() ?? [];
    const matches = (voice: SpeechSynthesisVoice): boolean => {
      const voiceLang = voice.lang.replace('_', '-').toLowerCase();
      return lang === 'en' ? voiceLang.startsWith('en') : voiceLang === 'zh-cn' || voiceLang.startsWith('cmn');
    };
    return voices.find(matches) ?? null;
  }

  /** Whether prompts can be spoken in `lang`. */
  canSpeak(lang: HuotiLang): boolean {
    return this.voiceFor(lang) !== null;
  }

  /** Speaks `text`, cutting off whatever was being said. Returns whether it spoke. */
  speak(text: string, lang: HuotiLang, rate = 1): boolean {
    const voice = this.voiceFor(lang);
    if (!this.#synthesis || !voice || typeof SpeechSynthesisUtterance === 'undefined') return false;
    this.#synthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate;
    this.#synthesis.speak(utterance);
    return true;
  }

  /** Stops speaking. */
  cancel(): void {
    this.#synthesis?.cancel();
  }
}
