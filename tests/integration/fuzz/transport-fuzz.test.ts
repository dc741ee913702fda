import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../electron/shared/ipc-contract';
import { encodeWire } from '../../../electron/shared/wire-codec';
import { clientFrame, rawWebSocket } from '../preview-host-harness';
import {
  expectStillServing,
  expectTypedReply,
  FUZZ_RUNS,
  FUZZ_TOKEN,
  reportCounts,
  startFuzzHost,
  type FuzzHost,
} from './fuzz-host';
import { httpPost, type IpcHandler } from './fuzz-transports';

/**
 * Below the contract: bodies and WebSocket messages that are not what the wire codec writes, and
 * WebSocket frames no client library would send (text that is not UTF-8, lengths over the limit,
 * random frame bytes). The HTTP API answers a typed error, the WebSocket drops what it cannot read
 * (answering when it can read the request id), and the host keeps serving everyone.
 */
const ipcHandlers = new Map<string, IpcHandler>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler) },
}));
const { registerIpc } = await import('../../../electron/main/ipc-registration');

let fuzz: FuzzHost;
beforeAll(async () => {
  fuzz = await startFuzzHost(registerIpc, ipcHandlers);
}, 180_000);
afterAll(async () => {
  reportCounts('transport fuzz', fuzz, channelNames.length);
  await fuzz.stop();
});

/** Bytes that look like wire-codec messages, or are cut from one, or are random. */
const malformed = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  // Ids the test's own client never uses, so a stray answer cannot be taken for another's.
  fc.jsonValue().map((v) => encodeWire({ kind: 'invoke', id: -1, channel: 'app:info', payload: v })),
  fc.tuple(fc.jsonValue(), fc.nat()).map(([v, cut]) => {
    const whole = encodeWire({ payload: v, data: new Uint8Array(8) });
    return whole.subarray(0, cut % whole.length);
  }),
);

describe('the preview host below the contract', () => {
  it('answers malformed bodies with a typed error and ignores malformed WebSocket messages', async () => {
    await fc.assert(
      fc.asyncProperty(malformed, fc.constantFrom(...channelNames), async (body, channel) => {
        fuzz.counts.raw++;
        const reply = await httpPost(fuzz.host.port, FUZZ_TOKEN, `/api/invoke/${channel}`, body, false);
        expect(reply.status).toBe(200);
        fuzz.ws.sendRaw(body);
        expectTypedReply(fuzz, 'staff:status', await fuzz.ws.send('staff:status', {}));
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 900_000);

  it('answers a request nested past the codec’s depth limit with INVALID_INPUT, by its id', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    fuzz.counts.ws++;
    expect(await fuzz.ws.send('staff:status', deep)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('stays up through WebSocket frames no client library would send', async () => {
    const frame = fc.oneof(
      fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((bytes) => clientFrame(0x1, new Uint8Array([0xc3, ...bytes, 0xff]))),
      fc
        .integer({ min: 40 * 1024 * 1024, max: 2 ** 40 })
        .map((claimed) => clientFrame(0x2, new Uint8Array(8), claimed)),
      fc.uint8Array({ minLength: 1, maxLength: 128 }).map((bytes) => Buffer.from(bytes)),
      fc.integer({ min: 3, max: 15 }).map((opcode) => clientFrame(opcode, new Uint8Array([1, 2, 3]))),
    );
    await fc.assert(
      fc.asyncProperty(frame, async (bytes) => {
        fuzz.counts.raw++;
        const socket = await rawWebSocket(fuzz.host.port, FUZZ_TOKEN);
        socket.on('error', () => undefined);
        await new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.end(bytes);
        });
        expectTypedReply(fuzz, 'staff:status', await fuzz.ws.send('staff:status', {}));
      }),
      { numRuns: Math.max(20, Math.round(FUZZ_RUNS / 4)) },
    );
    await expectStillServing(fuzz);
  }, 900_000);
});
