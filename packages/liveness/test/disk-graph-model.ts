import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';

/**
 * A tfjs graph model on disk (`<path>.json` plus the weight files its manifest names) as an
 * IOHandler, for the Node tests, recorders and benchmarks (no fetch, no file:// in Node). The
 * signature is kept: it names the outputs. `bytes` is the model's size on disk.
 */
export function diskGraphModel(pathWithoutExtension: string): { handler: tf.io.IOHandler; bytes: number } {
  const jsonPath = `${pathWithoutExtension}.json`;
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as tf.io.ModelJSON;
  const weightFiles = json.weightsManifest.flatMap((group) => group.paths).map((path) => join(dirname(jsonPath), path));
  const weights = Buffer.concat(weightFiles.map((file) => readFileSync(file)));
  return {
    bytes: statSync(jsonPath).size + weights.length,
    handler: {
      load: async () => ({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
      }),
    },
  };
}
