import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorEnvelope } from './emulator-errors';
import { authenticate, canonical, failure, readBody, send } from './emulator-http';
import { EmulatorFaults } from './emulator-faults';
import { stripeId } from './emulator-ids';
import { EmulatorStore, type EmuPaymentIntent, type EmuReader } from './emulator-store';
import { parseFormBody, type FormObject } from './form-body-parser';
import { IdempotencyCache } from './idempotency-cache';
import { ReaderSimulator, type ReaderFaults } from './reader-simulator';
import { renderReceipt } from './receipt-page';
import { matchRoute } from './emulator-routes';
import { TEST_CARDS, type TestCardName } from './test-cards';

/** A request seen by the emulator, for tests that act at an exact step (e.g. kill a client). */
export interface EmulatorRequestEvent {
  method: string;
  path: string;
  /** `received`: nothing done yet. `processed`: state changed, answer not yet sent. */
  stage: 'received' | 'processed';
  status?: number;
}

export interface StripeEmulatorOptions {
  /** 0 (default) picks a free port. The server only ever binds 127.0.0.1. */
  port?: number;
  /** Accept only this key; by default any `sk_test_…` or `rk_test_…` key is accepted. */
  apiKey?: string | null;
  /** Time the reader takes from a card tap to the result (default 1500 ms, like a real tap). */
  processingDelayMs?: number;
  /** Tap this card automatically `afterMs` after each reader action starts (demo mode). */
  autoPresent?: { card: TestCardName; afterMs: number } | null;
  /** Base URL for receipt links; defaults to the emulator's own `/receipts/…` pages. */
  receiptBaseUrl?: string;
  /**
   * Keep only the newest N payment intents (their charges and refunds go with them) and the newest
   * N idempotent answers, which still covers the last few dozen payments while a client retries
   * within minutes. By default everything is kept (answers for 24 hours), as Stripe does; the demo
   * kiosk bounds it so its memory stays flat for months.
   */
  retainPaymentIntents?: number;
  onRequest?: (event: EmulatorRequestEvent) => void | Promise<void>;
}

export interface StripeEmulator {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly protocol: 'http';
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly store: EmulatorStore;
  readonly faults: EmulatorFaults;
  readonly readerFaults: ReaderFaults;
  /** Creates a location and a simulated reader in it, as `simulated-wpe` registration does. */
  createReader(label?: string): EmuReader;
  /** Taps a test card on the reader's current action, like the `present_payment_method` helper. */
  presentCard(readerId: string, card?: TestCardName): void;
  setReaderOnline(readerId: string, online: boolean): void;
  paymentIntents(): EmuPaymentIntent[];
  stop(): Promise<void>;
}

interface RunResult {
  status: number;
  payload: object;
  replayed: boolean;
  /** Stores the idempotent result; called once the answer is on its way. */
  remember?: () => void;
}
const API_VERSION = '2026-10-28.endive';

/** Starts the Stripe API emulator on 127.0.0.1. */
export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const retain = options.retainPaymentIntents ?? Infinity;
  const store = new EmulatorStore(retain);
  const faults = new EmulatorFaults();
  const idempotency = new IdempotencyCache(retain);
  let baseUrl = '';
  const auto = options.autoPresent;
  const readers = new ReaderSimulator(store, {
    processingDelayMs: options.processingDelayMs ?? 1500,
    autoPresent: auto ? { cardNumber: TEST_CARDS[auto.card], afterMs: auto.afterMs } : null,
    receiptBaseUrl: () => options.receiptBaseUrl ?? baseUrl,
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, errorEnvelope({ type: 'api_error', message: 'Emulator error.' }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (method === 'GET' && url.pathname.startsWith('/receipts/')) {
      const page = renderReceipt(store, url.pathname.slice('/receipts/'.length));
      res
        .writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page ?? 'Not found');
      return;
    }
    await options.onRequest?.({ method, path: url.pathname, stage: 'received' });
    if (faults.takeDrop(url.pathname)) {
      req.socket.destroy();
      return;
    }
    if (faults.take500(url.pathname)) {
      send(res, 500, errorEnvelope({ type: 'api_error', message: 'An unknown error occurred.' }));
      return;
    }
    const key = req.headers['idempotency-key'];
    const { status, payload, replayed, remember } = run(
      method,
      url,
      body,
      req.headers.authorization,
      typeof key === 'string' ? key : null,
    );
    try {
      await options.onRequest?.({ method, path: url.pathname, stage: 'processed', status });
      // A slow answer counts as a request still running: a retry with its key meanwhile gets 409.
      const delay = faults.takeDelay(url.pathname);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    } finally {
      remember?.();
    }
    if (res.destroyed) return;
    const headers: http.OutgoingHttpHeaders = {
      'Request-Id': stripeId('req'),
      'Stripe-Version': API_VERSION,
    };
    if (typeof key === 'string') headers['Idempotency-Key'] = key;
    if (replayed) headers['Idempotent-Replayed'] = 'true';
    if (status >= 400 && status < 500 && status !== 409) headers['Stripe-Should-Retry'] = 'false';
    send(res, status, payload, headers);
  }

  function run(
    method: string,
    url: URL,
    body: string,
    auth: string | undefined,
    key: string | null,
  ): RunResult {
    let params: FormObject;
    try {
      authenticate(auth, options.apiKey ?? null);
      params = parseFormBody(method === 'GET' ? url.search.slice(1) : body);
    } catch (err) {
      return { ...failure(err), replayed: false };
    }
    const match = matchRoute(method, url.pathname);
    if (!match.route) {
      const message = `Unrecognized request URL (${method}: ${url.pathname}).`;
      return {
        status: 404,
        payload: errorEnvelope({ type: 'invalid_request_error', message }),
        replayed: false,
      };
    }
    const idemKey = method === 'POST' ? key : null;
    if (idemKey) {
      try {
        const stored = idempotency.begin(idemKey, `${method} ${url.pathname} ${canonical(params)}`);
        if (stored)
          return { status: stored.status, payload: JSON.parse(stored.body) as object, replayed: true };
      } catch (err) {
        return { ...failure(err), replayed: false };
      }
    }
    let outcome: { status: number; payload: object };
    try {
      outcome = { status: 200, payload: match.route.handle({ store, readers, params, ids: match.ids }) };
    } catch (err) {
      outcome = failure(err);
    }
    if (!idemKey) return { ...outcome, replayed: false };
    const code = (outcome.payload as { error?: { code?: string } }).error?.code ?? '';
    const remember = () => {
      // Parameter validation failures never started executing, so Stripe stores nothing for them.
      if (code.startsWith('parameter_')) idempotency.abandon(idemKey);
      else idempotency.finish(idemKey, outcome.status, JSON.stringify(outcome.payload));
    };
    return { ...outcome, replayed: false, remember };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    url: baseUrl,
    store,
    faults,
    readerFaults: readers.faults,
    createReader(label = 'Kiosk reader') {
      const location = {
        id: stripeId('tml'),
        object: 'terminal.location' as const,
        display_name: 'Demo store',
        address: { country: 'US' },
        metadata: {},
        livemode: false as const,
      };
      store.locations.set(location.id, location);
      return readers.create({ registration_code: 'simulated-wpe', label, location: location.id });
    },
    presentCard: (readerId, card = 'success') => readers.presentCard(readerId, TEST_CARDS[card]),
    setReaderOnline: (readerId, online) => readers.setOnline(readerId, online),
    paymentIntents: () => [...store.paymentIntents.values()],
    stop: () =>
      new Promise<void>((resolve) => {
        readers.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
