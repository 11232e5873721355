// Worker bundle entry: the only module with a side effect, and only inside the worker.
import { exposeLivenessWorker } from './worker/liveness-worker.js';

exposeLivenessWorker();
