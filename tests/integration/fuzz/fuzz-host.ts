import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { KioskRuntime } from '../../../electron/services/kiosk-runtime';
import { silentLogger, type Logger } from '../../../electron/core/ports/logger-port';
import { startPreviewHost, type PreviewHost } from '../../../electron/preview-host/preview-host-server';
import { channels, type ChannelName } from '../../../electron/shared/ipc-contract';
import { resultSchema } from '../../../electron/shared/result';
import { snapshotFiles } from './data-dir-snapshot';
import {
  httpSender,
  ipcSender,
  UNDELIVERABLE,
  WsClient,
  type IpcHandler,
  type Send,
} from './fuzz-transports';
import { startTestRuntime } from '../../support/test-runtime';

export const FUZZ_TOKEN = 'fuzz-token-0123456789abcdef';

/** Runs per transport and property: FUZZ_RUNS (npm test runs the default; `npm run fuzz` many more). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

export type TransportName = 'ipc' | 'http' | 'ws';

export interface FuzzHost {
  runtime: KioskRuntime;
  host: PreviewHost;
  dataDir: string;
  transports: Record<TransportName, Send>;
  ws: WsClient;
  /** The payload the runtime last received from any transport (before its own parsing). */
  lastReceived(): unknown;
  /** Files in the data folder right after start, to compare with at the end. */
  filesAtStart: Map<string, string>;
  counts: Record<TransportName | 'raw' | 'undeliverable', number>;
  stop(): Promise<void>;
}

export const NOTHING_RECEIVED = Symbol('nothing received');

/**
 * A demo kiosk runtime served through both real ways in: the Electron IPC handlers (registered by
 * `register`, electron/main's registerIpc on a stand-in ipcMain) and the preview host (HTTP and
 * WebSocket). The runtime is wrapped only to record what each transport delivered to it.
 */
export async function startFuzzHost(
  register: (runtime: KioskRuntime, origin: string, logger: Logger) => void,
  ipcHandlers: Map<string, IpcHandler>,
): Promise<FuzzHost> {
  const root = mkdtempSync(path.join(tmpdir(), 'contract-fuzz-'));
  const dataDir = path.join(root, 'data');
  const runtime = await startTestRuntime(dataDir, {
    version: 'fuzz',
  });
  await runtime.analysisReady;
  let received: unknown = NOTHING_RECEIVED;
  const recording: KioskRuntime = {
    ...runtime,
    invoke: (channel, raw) => {
      received = raw;
      return runtime.invoke(channel, raw);
    },
  };
  register(recording, 'app://kiosk', silentLogger);
  const host = await startPreviewHost({
    runtime: recording,
    rendererDir: root,
    host: '127.0.0.1',
    port: 0,
    token: FUZZ_TOKEN,
    logger: silentLogger,
  });
  const ws = await WsClient.open(host.port, FUZZ_TOKEN);
  return {
    runtime,
    host,
    dataDir,
    ws,
    transports: { ipc: ipcSender(ipcHandlers), http: httpSender(host.port, FUZZ_TOKEN), ws: ws.send },
    lastReceived: () => {
      const value = received;
      received = NOTHING_RECEIVED;
      return value;
    },
    filesAtStart: snapshotFiles(dataDir),
    counts: { ipc: 0, http: 0, ws: 0, raw: 0, undeliverable: 0 },
    stop: async () => {
      ws.close();
      await host.close();
      await runtime.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The reply is `{ ok: true, value }` with a value the contract accepts, or a typed error. */
export function expectTypedReply(fuzz: FuzzHost, channel: ChannelName, reply: unknown): void {
  if (reply === UNDELIVERABLE) {
    fuzz.counts.undeliverable++;
    return;
  }
  const checked = resultSchema(channels[channel].output).safeParse(reply);
  expect(checked.success, `${channel}: ${JSON.stringify(reply)?.slice(0, 300)}`).toBe(true);
}

/** Every transport still answers a plain request. */
export async function expectStillServing(fuzz: FuzzHost): Promise<void> {
  for (const send of Object.values(fuzz.transports))
    expectTypedReply(fuzz, 'app:info', await send('app:info', {}));
}

/** One summary line with the number of inputs tried. */
export function reportCounts(name: string, fuzz: FuzzHost, channelCount: number): void {
  const c = fuzz.counts;
  console.log(
    `${name}: ${c.ipc + c.http + c.ws + c.raw} inputs over ${channelCount} channels (IPC ${c.ipc}, ` +
      `HTTP ${c.http}, WebSocket ${c.ws}, malformed transport ${c.raw}; ${c.undeliverable} too deep ` +
      `for the sender's own encoder; ${FUZZ_RUNS} runs per transport and property)`,
  );
}
