import type { io } from '@tensorflow/tfjs-core';
import { HuotiError } from '../errors/huoti-error.js';

/** Counts bytes across all model files of one engine start. */
export interface ByteCounter {
  /** Called with the bytes just received and, once per file, its `Content-Length` (else 0). */
  onBytes(url: string, receivedBytes: number, announcedBytes: number): void;
}

const JSON_TYPE = /json/i;
const HTML_TYPE = /text\/html/i;

async function fetchChecked(url: string, signal: AbortSignal | undefined, expectJson: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (cause) {
    if (signal?.aborted) throw new HuotiError('ABORTED', `fetch of ${url} aborted`, { cause });
    throw new HuotiError('ASSET_LOAD_FAILED', `fetch of ${url} failed: ${String(cause)}`, { cause });
  }
  if (!response.ok) throw new HuotiError('ASSET_LOAD_FAILED', `fetch of ${url} failed: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  // A single-page-app fallback often answers a missing file with index.html and status 200.
  if (expectJson ? !JSON_TYPE.test(type) : HTML_TYPE.test(type)) {
    throw new HuotiError('ASSET_LOAD_FAILED', `${url} was served as "${type}", expected ${expectJson ? 'application/json' : 'binary weights'}`);
  }
  return response;
}

async function readCounting(response: Response, url: string, counter: ByteCounter): Promise<Uint8Array> {
  const announced = Number(response.headers.get('content-length') ?? 0) || 0;
  counter.onBytes(url, 0, announced);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    counter.onBytes(url, bytes.byteLength, 0);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    counter.onBytes(url, value.byteLength, 0);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A tfjs IOHandler that fetches a graph model (`model.json` plus its weight files) with byte
 * progress, a MIME check and typed errors that name the URL.
 *
 * @throws {HuotiError} `ASSET_LOAD_FAILED` on a network error, a non-2xx status or a wrong MIME type;
 *   `ABORTED` when `signal` aborts.
 */
export function fetchGraphModelHandler(modelUrl: string, counter: ByteCounter, signal?: AbortSignal): io.IOHandler {
  return {
    async load(): Promise<io.ModelArtifacts> {
      const modelResponse = await fetchChecked(modelUrl, signal, true);
      const jsonBytes = await readCounting(modelResponse, modelUrl, counter);
      let model: io.ModelJSON;
      try {
        model = JSON.parse(new TextDecoder().decode(jsonBytes)) as io.ModelJSON;
      } catch (cause) {
        throw new HuotiError('ASSET_LOAD_FAILED', `${modelUrl} is not valid JSON`, { cause });
      }
      const paths = model.weightsManifest.flatMap((group) => group.paths);
      const buffers = await Promise.all(
        paths.map(async (path) => {
          const url = new URL(path, modelUrl).href;
          return readCounting(await fetchChecked(url, signal, false), url, counter);
        }),
      );
      const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const buffer of buffers) {
        weightData.set(buffer, offset);
        offset += buffer.byteLength;
      }
      return {
        modelTopology: model.modelTopology,
        weightSpecs: model.weightsManifest.flatMap((group) => group.weights),
        weightData: weightData.buffer,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        signature: model.signature,
        userDefinedMetadata: model.userDefinedMetadata,
      };
    },
  };
}
