export { VERSION } from './version.js';
export { HuotiError, type SerializedHuotiError } from './errors/huoti-error.js';
export type { HuotiErrorCode } from './errors/huoti-error-code.js';
export { HUOTI_ERROR_MESSAGES, type LocalizedMessage } from './errors/huoti-error-messages.js';
export { connectLivenessWorker, type WorkerConnection } from './bridge/worker-connection.js';
export {
  DEFAULT_WORKER_CONNECTION_CONFIG,
  resolveWorkerConnectionConfig,
  type WorkerConnectionConfig,
} from './bridge/worker-connection-config.js';
export type { WorkerHello } from './worker/worker-api.js';
