import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../../electron/shared/ipc-contract';
import { changedFiles, filesContaining, snapshotFiles } from './data-dir-snapshot';
import { canonical, expectedDelivery } from './delivery-check';
import {
  expectStillServing,
  expectTypedReply,
  FUZZ_RUNS,
  NOTHING_RECEIVED,
  reportCounts,
  startFuzzHost,
  type FuzzHost,
  type TransportName,
} from './fuzz-host';
import { carriesBytes, type IpcHandler } from './fuzz-transports';
import { mutate, randomPayload } from './hostile-values';
import { arbitraryFor, FRAME_CANARY } from './schema-arbitrary';

/**
 * Property-based fuzzing of every channel of the IPC contract through the two real ways in: the
 * Electron IPC handlers (electron/main/ipc-registration.ts on a stand-in ipcMain) and the preview
 * host (HTTP and WebSocket). Payloads are valid ones built from the contract's own schemas, valid
 * ones with one place made hostile (oversized strings, deep nesting, prototype keys, wrong types,
 * extra keys) and random values. Every reply must be a typed error or an output the contract
 * accepts; what a transport delivers must be exactly what was sent; the host keeps answering;
 * nothing lands on disk but log lines and the record of failed catalog imports; no frame byte
 * appears in any file; no prototype changes.
 */
const ipcHandlers = new Map<string, IpcHandler>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler) },
}));
const { registerIpc } = await import('../../../electron/main/ipc-registration');

/** Files the kiosk may write while it is fuzzed, and why. */
const MAY_CHANGE = [
  /^logs\//, // log lines (redacted; checked for frame bytes below)
  /^catalog\/sync-state\.json$/, // a failed staff import is recorded for the staff screen
  /^staff-lock\.json$/, // wrong PINs are counted on disk so a lockout survives a restart
  /^funnel-today\.json$/, // the store funnel's counters (counts only, no ids)
];

let fuzz: FuzzHost;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  fuzz = await startFuzzHost(registerIpc, ipcHandlers);
}, 180_000);
afterAll(async () => {
  reportCounts('contract fuzz', fuzz, channelNames.length);
  await fuzz.stop();
});

const payloadFor = (names: readonly ChannelName[]) =>
  fc.constantFrom(...names).chain((channel) => {
    const valid = arbitraryFor(channels[channel].input);
    return fc.record({
      channel: fc.constant(channel),
      payload: fc.oneof(
        { weight: 2, arbitrary: valid },
        { weight: 3, arbitrary: mutate(valid) },
        randomPayload,
      ),
    });
  });

/** Over the preview host the kiosk must receive exactly what was sent (JSON's rules for JSON bodies). */
function expectFaithfulDelivery(transport: TransportName, sent: unknown): void {
  const got = fuzz.lastReceived();
  // IPC is structured clone (nothing to check); undecodable or undeliverable payloads never arrive.
  if (transport === 'ipc' || got === NOTHING_RECEIVED || typeof got === 'symbol') return;
  const expected = expectedDelivery(sent, transport === 'ws' || carriesBytes(sent));
  const actual = canonical(got);
  if (expected !== null && actual !== null) expect(actual).toBe(expected);
}

async function fuzzChannels(names: readonly ChannelName[], prepare?: () => Promise<void>): Promise<void> {
  for (const transport of ['ipc', 'http', 'ws'] as const) {
    await fc.assert(
      fc.asyncProperty(payloadFor(names), async ({ channel, payload }) => {
        await prepare?.();
        fuzz.counts[transport]++;
        fuzz.lastReceived();
        expectTypedReply(fuzz, channel, await fuzz.transports[transport](channel, payload));
        expectFaithfulDelivery(transport, payload);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }
}

describe('the IPC contract under fuzzing', () => {
  it('answers staff channels, unlocked, with typed errors or valid outputs', async () => {
    await fuzzChannels(
      channelNames.filter((name) => channels[name].staff),
      async () => {
        if (!fuzz.runtime.staff.isUnlocked()) await fuzz.runtime.invoke('staff:unlock', { pin: '1234' });
      },
    );
    await expectStillServing(fuzz);
  }, 1_800_000);

  it('answers every channel, in any session state, with typed errors or valid outputs', async () => {
    await fuzzChannels(channelNames);
    await expectStillServing(fuzz);
  }, 1_800_000);

  it('survives a burst of concurrent hostile requests on all transports at once', async () => {
    const burst = fc.sample(payloadFor(channelNames), { numRuns: 60, seed: 42 });
    const names = ['ipc', 'http', 'ws'] as const;
    const replies = await Promise.all(
      burst.map(({ channel, payload }, i) => {
        const transport = names[i % names.length] ?? 'ipc';
        fuzz.counts[transport]++;
        return fuzz.transports[transport](channel, payload).then((reply) => ({ channel, reply }));
      }),
    );
    for (const { channel, reply } of replies) expectTypedReply(fuzz, channel, reply);
    await expectStillServing(fuzz);
  }, 600_000);

  it('wrote nothing it should not have, no frame byte anywhere, and touched no prototype', () => {
    const changed = changedFiles(fuzz.filesAtStart, snapshotFiles(fuzz.dataDir));
    expect(changed.filter((file) => !MAY_CHANGE.some((allowed) => allowed.test(file)))).toEqual([]);
    expect(filesContaining(fuzz.dataDir, FRAME_CANARY)).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
