/** A sentence in both supported languages. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}
