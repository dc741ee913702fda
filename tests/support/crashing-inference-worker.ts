/**
 * Test-only inference worker: the product's worker (loaded unchanged) plus a way for a test to kill
 * it for real with process.exit inside the thread, which ends only this worker, as a crash would.
 * Nothing in the product can reach these hooks: they exist only in this file, which tests pass as
 * the worker entry.
 *
 * - A message `{ crashOn: <model> }` on the BroadcastChannel CRASH_CHANNEL arms every live worker:
 *   the next run request for that model exits the worker before it answers. Each worker confirms
 *   with `{ armed: <threadId> }`.
 * - `{ exitNow: true }` exits every live worker at once.
 * - With KIOSK_TEST_WORKER_EXIT_ON_OPEN set in the environment a worker is started with, it exits
 *   when asked to load the models (a restart that keeps failing).
 */
import { BroadcastChannel, parentPort, threadId } from 'node:worker_threads';
import type { WorkerRequest } from '../../electron/adapters/inference/inference-protocol';

/** The channel the supervision test talks on (tests/integration/analysis/worker-supervision.test.ts). */
const CRASH_CHANNEL = 'skin-kiosk-test-inference-crash';

const port = parentPort;
if (port) {
  let crashOn: string | null = null;
  const hook = (message: WorkerRequest): void => {
    if (message.type === 'open' && process.env.KIOSK_TEST_WORKER_EXIT_ON_OPEN) process.exit(71);
    if (message.type === 'run' && message.model === crashOn) process.exit(72);
  };
  // The hook runs before the product worker's own message listener, so the request is never answered.
  const on = port.on.bind(port);
  port.on = ((event: string, listener: (message: WorkerRequest) => void) =>
    on(
      event,
      event === 'message' ? (m: WorkerRequest) => (hook(m), listener(m)) : listener,
    )) as typeof port.on;
  await import('../../electron/adapters/inference/inference-worker');
  const channel = new BroadcastChannel(CRASH_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const data = (event as unknown as { data: { crashOn?: string; exitNow?: boolean } }).data;
    if (data.exitNow) process.exit(70);
    if (data.crashOn) {
      crashOn = data.crashOn;
      channel.postMessage({ armed: threadId });
    }
  };
}
