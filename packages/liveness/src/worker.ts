// Worker bundle entry: the only module with a side effect, and only inside the worker.
// The backend imports register tfjs backends (webgl, wasm, cpu) in this worker's tfjs engine.
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { exposeLivenessWorker } from './worker/liveness-worker.js';

exposeLivenessWorker();
