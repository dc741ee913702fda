import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uncompress } from 'snappyjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeWriteRequest,
  type DecodedSeries,
} from '../../../../electron/adapters/metrics/remote-write-codec';
import {
  RemoteWritePusher,
  type RemoteWritePusherOptions,
} from '../../../../electron/adapters/metrics/remote-write-pusher';
import type { MetricFamily } from '../../../../electron/core/fleet/remote-write-series';
import { silentLogger, type Logger } from '../../../../electron/core/ports/logger-port';

interface Received {
  headers: IncomingHttpHeaders;
  series: DecodedSeries[];
  /** The uncompressed protobuf. */
  raw: Buffer;
}

/** A loopback receiver that decodes what it gets and answers with the status the test sets. */
class Receiver {
  readonly received: Received[] = [];
  status = 204;
  hang = false;
  inFlight = 0;
  maxInFlight = 0;
  private server: Server | null = null;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        this.received.push({
          headers: req.headers,
          series: decodeWriteRequest(body),
          raw: Buffer.from(uncompress(body)),
        });
        if (this.hang) return;
        const status = this.status;
        setTimeout(() => {
          this.inFlight -= 1;
          res.writeHead(status).end(status >= 400 ? 'out of order sample' : undefined);
        }, 5);
      });
    });
    await new Promise<void>((r) => this.server?.listen(port, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1/write`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Values of one metric across every request, in arrival order. */
  values(name: string): number[] {
    return this.received.flatMap((r) =>
      r.series
        .filter((s) => s.labels.some((l) => l.name === '__name__' && l.value === name))
        .flatMap((s) => s.samples.map((x) => x.value)),
    );
  }
}

/**
 * Prometheus's staleness NaN (0x7ff0000000000002) as a Sample.value field on the wire. Checked in
 * the bytes: once decoded into a JS array, V8 may turn any NaN into its canonical NaN.
 */
const STALE_ON_WIRE = Buffer.from('09020000000000f07f', 'hex');

let counter = 0;
const families = async (): Promise<MetricFamily[]> => [
  { name: 'skinkiosk_sessions_started_total', values: [{ value: counter, labels: {} }] },
];

let receiver: Receiver;
const pushers: RemoteWritePusher[] = [];
let clock = 1_700_000_000_000;

function pusher(url: string, extra: Partial<RemoteWritePusherOptions> = {}): RemoteWritePusher {
  const p = new RemoteWritePusher({
    url,
    authorization: null,
    labels: { job: 'skin-kiosk', store: 's1', kiosk: 'k1', ring: 'latest' },
    intervalMs: 60_000,
    jitter: 0.2,
    windowMs: 3_600_000,
    maxBufferBytes: 1_000_000,
    timeoutMs: 2000,
    userAgent: 'SkinKiosk/test',
    collect: families,
    logger: silentLogger,
    now: () => clock,
    ...extra,
  });
  pushers.push(p);
  return p;
}

afterEach(async () => {
  await receiver?.stop();
  await Promise.all(pushers.splice(0).map((p) => p.stop()));
  vi.restoreAllMocks();
});

describe('remote-write pusher', () => {
  it('sends snappy-compressed protobuf with the spec headers, the credential and the fleet labels', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    counter = 3;
    const p = pusher(url, { authorization: 'Bearer s3cret' });
    await p.tick();
    const [req] = receiver.received;
    expect(req?.headers).toMatchObject({
      'content-type': 'application/x-protobuf',
      'content-encoding': 'snappy',
      'x-prometheus-remote-write-version': '0.1.0',
      authorization: 'Bearer s3cret',
      'user-agent': 'SkinKiosk/test',
    });
    expect(req?.series[0]?.labels).toEqual([
      { name: '__name__', value: 'skinkiosk_sessions_started_total' },
      { name: 'job', value: 'skin-kiosk' },
      { name: 'kiosk', value: 'k1' },
      { name: 'ring', value: 'latest' },
      { name: 'store', value: 's1' },
    ]);
    expect(req?.series[0]?.samples).toEqual([{ value: 3, timestamp: clock }]);
    expect(p.status()).toMatchObject({ state: 'ok', bufferedSnapshots: 0, lastError: null });
  });

  it('keeps what the receiver could not take and delivers it in time order once it answers', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    const logs: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (m) => logs.push(m), info: (m) => logs.push(m) };
    const p = pusher(url, { logger });
    receiver.status = 503;
    for (counter = 1; counter <= 4; counter++) {
      if (counter === 4) receiver.status = 429;
      clock += 1000;
      await p.tick();
    }
    expect(p.status()).toMatchObject({
      state: 'failing',
      bufferedSnapshots: 4,
      lastError: 'HTTP 429: out of order sample',
    });
    receiver.status = 204;
    receiver.received.length = 0;
    counter = 5;
    clock += 1000;
    await p.tick();
    expect(receiver.values('skinkiosk_sessions_started_total')).toEqual([1, 2, 3, 4, 5]);
    const stamps = receiver.received.flatMap((r) =>
      r.series.flatMap((s) => s.samples.map((x) => x.timestamp)),
    );
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(p.status()).toMatchObject({ state: 'ok', bufferedSnapshots: 0, droppedSnapshots: 0 });
    // One warning when it started failing, one line when it recovered — not one per interval.
    expect(logs).toEqual(['telemetry.push_failing', 'telemetry.push_recovered']);
  });

  it('keeps snapshots through a receiver that is down or refuses the credential', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    await receiver.stop();
    const p = pusher(url);
    await p.tick();
    expect(p.status().lastError).toMatch(/ECONNREFUSED/);
    receiver = new Receiver();
    await receiver.start(Number(new URL(url).port));
    receiver.status = 401;
    await p.tick();
    expect(p.status()).toMatchObject({ state: 'failing', bufferedSnapshots: 2, droppedSnapshots: 0 });
  });

  it('drops a batch the receiver rejects as bad data, and goes on with the rest', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    const errors: string[] = [];
    const p = pusher(url, { logger: { ...silentLogger, error: (m) => errors.push(m) } });
    receiver.status = 400;
    counter = 1;
    await p.tick();
    expect(p.status()).toMatchObject({ bufferedSnapshots: 0, droppedSnapshots: 1 });
    expect(errors).toEqual(['telemetry.push_rejected']);
    receiver.status = 204;
    counter = 2;
    await p.tick();
    expect(receiver.values('skinkiosk_sessions_started_total')).toEqual([1, 2]);
    expect(p.status().state).toBe('ok');
  });

  it('gives up on a receiver that does not answer within the timeout, keeping the data', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    receiver.hang = true;
    const p = pusher(url, { timeoutMs: 200 });
    await p.tick();
    expect(p.status()).toMatchObject({ state: 'failing', bufferedSnapshots: 1 });
    expect(p.status().lastError).toMatch(/no answer within 200 ms/);
  });

  it('stays bounded while offline, dropping the oldest snapshots first', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    await receiver.stop();
    // 60 s apart, a 5-minute window: at most 6 snapshots survive (the window's ends included).
    const p = pusher(url, { windowMs: 300_000 });
    for (counter = 1; counter <= 20; counter++) {
      clock += 60_000;
      await p.tick();
    }
    expect(p.status().bufferedSnapshots).toBe(6);
    expect(p.status().droppedSnapshots).toBe(20 - p.status().bufferedSnapshots);
    receiver = new Receiver();
    await receiver.start(Number(new URL(url).port));
    await p.flush();
    const values = receiver.values('skinkiosk_sessions_started_total');
    expect(values.at(-1)).toBe(20);
    expect(values[0]).toBe(21 - values.length);
  });

  it('sends one request at a time: ticks during a slow send only add to the buffer', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    const p = pusher(url);
    await Promise.all([p.tick(), p.tick(), p.tick(), p.tick()]);
    await p.flush();
    expect(receiver.maxInFlight).toBe(1);
    expect(p.status().bufferedSnapshots).toBe(0);
    expect(receiver.received.reduce((n, r) => n + r.series.length, 0)).toBe(4);
  });

  it('spreads pushes: the first within one interval, the next within the jitter of it', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    const delays: number[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return real(fn, Math.min(ms ?? 0, 20));
    }) as typeof setTimeout);
    const randoms = [0.25, 1, 0];
    const p = pusher(url, { intervalMs: 1000, jitter: 0.2, random: () => randoms.shift() ?? 0.5 });
    p.start();
    await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    await p.stop();
    // Only the pusher's own waits (the test runner and HTTP use other, shorter or longer timers).
    const pushDelays = delays.filter((d) => d >= 200 && d <= 2000);
    expect(pushDelays.slice(0, 3)).toEqual([250, 1200, 800]);
  });

  it('pushes the last state on a clean stop, and does not hang on a dead receiver', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    const p = pusher(url);
    p.start();
    counter = 9;
    clock += 1000;
    await p.stop(true);
    // The last state, then a staleness marker just after it: the receiver sees the series end now.
    const [last, end] = receiver.values('skinkiosk_sessions_started_total');
    expect(last).toBe(9);
    expect(end).toBeNaN();
    expect(receiver.received.at(-1)?.raw.includes(STALE_ON_WIRE)).toBe(true);
    receiver.hang = true;
    const slow = pusher(url, { timeoutMs: 10_000 });
    const started = Date.now();
    await slow.stop(true, 300);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ends a series that vanished from the registry with a staleness marker, once', async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    let provider = 'none';
    const p = pusher(url, {
      collect: async () => [{ name: 'skinkiosk_build_info', values: [{ value: 1, labels: { provider } }] }],
    });
    await p.tick();
    provider = 'cpu';
    clock += 1000;
    await p.tick();
    clock += 1000;
    await p.tick();
    const byProvider = (name: string) =>
      receiver.received.flatMap((r) =>
        r.series
          .filter((s) => s.labels.some((l) => l.name === 'provider' && l.value === name))
          .flatMap((s) => s.samples.map((x) => x.value)),
      );
    expect(byProvider('cpu')).toEqual([1, 1]);
    const none = byProvider('none');
    expect(none).toHaveLength(2);
    expect(none[0]).toBe(1);
    expect(none[1]).toBeNaN();
    expect(receiver.received[1]?.raw.includes(STALE_ON_WIRE)).toBe(true);
    expect(receiver.received[2]?.raw.includes(STALE_ON_WIRE)).toBe(false);
  });
});
