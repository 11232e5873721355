import type { SerializedHuotiError } from '../errors/huoti-error.js';

/** What every worker method returns: worker methods never throw across the boundary. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedHuotiError };
