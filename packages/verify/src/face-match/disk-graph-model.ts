import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { io } from '@tensorflow/tfjs-core';

/**
 * A tfjs graph model read from `<dir>/<name>.json` and the weight files it names, as an IOHandler
 * (the `signature` is kept: it names the outputs).
 */
export function diskGraphModel(dir: string, name: string): io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as io.ModelJSON;
      const files = json.weightsManifest.flatMap((group) => group.paths);
      const buffers = await Promise.all(files.map((file) => readFile(join(dir, file))));
      const weights = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}
