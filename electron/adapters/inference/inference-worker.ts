/**
 * Worker-thread entry that owns the ONNX Runtime sessions, so inference never blocks the thread
 * that serves the kiosk's UI and IPC. Built as its own entry (`inference-worker`) next to the main
 * bundle; in development it is loaded from source through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { KioskError } from '../../shared/result';
import type { RunnerInfo } from '../../core/analysis/model-runner-port';
import { OrtSessionSet } from './ort-session-set';
import { transferList, type WorkerRequest, type WorkerResponse } from './inference-protocol';

const port = parentPort;
if (!port) throw new Error('inference-worker must run in a worker thread');

let sessions: OrtSessionSet | null = null;
const idle: RunnerInfo = { executionProvider: 'none', tried: [], warm: false };

const shape = (error: unknown) =>
  error instanceof KioskError
    ? error.toShape()
    : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) };

const send = (message: WorkerResponse, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: WorkerRequest) => {
  void handle(message);
});

async function handle(message: WorkerRequest): Promise<void> {
  switch (message.type) {
    case 'open':
      try {
        sessions = await OrtSessionSet.open({
          models: message.models,
          preference: message.preference,
          intraOpNumThreads: message.intraOpNumThreads,
        });
        send({ type: 'opened', info: sessions.info() });
      } catch (error) {
        send({ type: 'open-failed', error: shape(error) });
      }
      return;
    case 'run':
      try {
        if (!sessions) throw new KioskError('MODEL_UNAVAILABLE', 'the models are not loaded');
        const outputs = await sessions.run(message.model, message.feeds);
        send({ type: 'result', id: message.id, outputs, info: sessions.info() }, transferList(outputs));
      } catch (error) {
        send({ type: 'run-failed', id: message.id, error: shape(error), info: sessions?.info() ?? idle });
      }
      return;
    case 'close':
      await sessions?.dispose();
      sessions = null;
      send({ type: 'closed' });
      return;
  }
}
