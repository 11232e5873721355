import { expect } from '@esm-bundle/chai';
import { HuotiError, VERSION, connectLivenessWorker } from '@huoti/liveness';

// The built package, imported by name, starts its module worker from dist/ and answers over comlink.
describe('liveness worker from the built package', () => {
  it('starts as a module worker and answers over comlink with its own version', async () => {
    const connection = await connectLivenessWorker();
    try {
      expect(connection.hello.version).to.equal(VERSION);
      expect(connection.hello.isWorkerScope, 'runs without a DOM, in a real worker').to.equal(true);
    } finally {
      connection.terminate();
    }
  });

  it('fails with WORKER_START_FAILED naming the URL when the worker script is missing', async () => {
    const workerUrl = new URL('/packages/liveness/dist/no-such-worker.js', location.href);
    const error = await connectLivenessWorker({ workerUrl, startTimeoutMs: 10_000 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(HuotiError);
    expect((error as HuotiError).code).to.equal('WORKER_START_FAILED');
    expect((error as HuotiError).message).to.contain('no-such-worker.js');
  });

  it('fails with ABORTED, not a hang, when the caller aborts the start', async () => {
    const controller = new AbortController();
    const pending = connectLivenessWorker({}, controller.signal);
    controller.abort();
    const error = await pending.then(() => null, (reason: unknown) => reason);
    expect((error as HuotiError).code).to.equal('ABORTED');
  });
});
