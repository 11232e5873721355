/** Where model loading stands; reported through `onProgress` while an engine starts. */
export interface LoadProgress {
  /** `fetch`: downloading graphs; `compile`: backend set-up and graph parsing; `warmup`: first inference. */
  readonly phase: 'fetch' | 'compile' | 'warmup';
  /** Bytes of model files received so far. */
  readonly loadedBytes: number;
  /** Sum of `Content-Length` of the files whose headers have arrived; `0` when none gave one. */
  readonly totalBytes: number;
  /** The file being fetched, when `phase` is `fetch`. */
  readonly url?: string;
}
