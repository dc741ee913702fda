import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { CheckoutService } from '../core/checkout/checkout-service';
import type { ReconcileReport } from '../core/checkout/order-reconciler';
import { PaymentService } from '../core/checkout/payment-service';
import type { PaymentTimings } from '../core/checkout/payment-run';
import type { ProductLookup } from '../core/checkout/product-lookup-port';
import { SqliteOrderLog } from '../adapters/payments/sqlite-order-log';
import { systemClock } from '../adapters/payments/system-clock-adapter';
import { renderQrSvg } from '../adapters/qr/qr-renderer-adapter';
import { KioskError } from '../shared/result';
import type { TestCardName } from '../stripe-emulator/test-cards';
import type { EventSink } from './handler-types';
import type { KioskPaths } from './kiosk-paths';
import {
  createPaymentBackend,
  type PaymentBackendOptions,
} from '../adapters/payments/payment-backend-factory';

export interface CheckoutDeps extends PaymentBackendOptions {
  /** Port to the catalog: prices, product pages and affiliate templates by SKU. */
  products: ProductLookup;
  /** Overrides of the payment timings (tests shorten them). */
  timings?: Partial<PaymentTimings>;
  /** How often orders nobody is paying are reconciled with Stripe; 0 turns it off. */
  reconcileIntervalMs?: number;
  /** Where rejected links and reconciliation results are reported (never shopper data). */
  log?: (level: 'info' | 'warn', message: string) => void;
}

export interface CheckoutServices {
  checkout: CheckoutService;
  /** Null when payments are disabled or not configured (`paymentsUnavailable` says why). */
  payments: PaymentService | null;
  paymentsUnavailable: string | null;
  demo: boolean;
  /** The start-up reconciliation of unfinished orders (already running when the factory returns). */
  ready: Promise<ReconcileReport | null>;
  /** Demo mode: tap a test card on the emulated reader. Throws PAYMENT_NOT_CONFIGURED otherwise. */
  demoTap(card: TestCardName): void;
  /** A shopper session ended: cancels an open payment and rotates the anonymous link token. */
  endSession(): Promise<void>;
  dispose(): Promise<void>;
}

const DEFAULT_TIMINGS: PaymentTimings = {
  pollIntervalMs: 500,
  cardWaitTimeoutMs: 120_000,
  readerRetryDelaysMs: [500, 1000, 2000, 4000],
  networkGraceMs: 20_000,
  captureRetryDelaysMs: [1000, 2000, 4000],
};

const newToken = () => randomBytes(16).toString('base64url');

function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Builds links, cart pricing and card payments for the kiosk. */
export async function createCheckoutServices(
  config: KioskConfig,
  paths: KioskPaths,
  events: EventSink,
  deps: CheckoutDeps,
): Promise<CheckoutServices> {
  let sessionToken = newToken();
  const log = deps.log ?? (() => undefined);
  const checkout = new CheckoutService({
    products: deps.products,
    links: config.links,
    tax: { display: config.payments.taxDisplay, ratePercent: config.payments.taxRatePercent },
    storeId: config.storeId,
    kioskId: config.kioskId,
    sessionToken: () => sessionToken,
    qrSvg: renderQrSvg,
    deflate: (bytes) => deflateRawSync(bytes, { level: 9 }),
    today: localDate,
    onLinkRejected: (reason) => log('warn', `link rejected: ${reason}`),
  });

  mkdirSync(paths.dataDir, { recursive: true });
  const backend = await createPaymentBackend(config, paths.dataDir, deps);
  if (backend.kind === 'disabled') {
    return {
      checkout,
      payments: null,
      paymentsUnavailable: backend.reason,
      demo: false,
      ready: Promise.resolve(null),
      demoTap: () => notConfigured(backend.reason),
      endSession: async () => void (sessionToken = newToken()),
      dispose: async () => undefined,
    };
  }

  const orderLog = new SqliteOrderLog(`${backend.orderLogFile}`);
  const demo = backend.kind === 'demo';
  const payments = new PaymentService({
    ctx: {
      provider: backend.provider,
      log: orderLog,
      storeId: config.storeId,
      kioskId: config.kioskId,
    },
    timings: { ...DEFAULT_TIMINGS, ...deps.timings },
    clock: systemClock,
    demo,
    newOrderId: () => `ord_${randomUUID().replace(/-/g, '')}`,
    emit: (state) => events.emit('payment:state', state),
    qrSvg: renderQrSvg,
  });
  const reconcile = async () => {
    const report = await payments.reconcile();
    if (report.checked > 0) log('info', `orders reconciled: ${JSON.stringify(report)}`);
    return report;
  };
  const ready = reconcile();
  const interval = deps.reconcileIntervalMs ?? 60_000;
  const timer =
    interval > 0 ? setInterval(() => void ready.then(reconcile).catch(() => undefined), interval) : null;
  timer?.unref();

  return {
    checkout,
    payments,
    paymentsUnavailable: null,
    demo,
    ready,
    demoTap(card) {
      if (!backend.emulator) return notConfigured('Demo taps exist only in demo mode.');
      try {
        backend.emulator.presentCard(backend.readerId, card);
      } catch {
        throw new KioskError('PAYMENT_FAILED', 'The reader is not waiting for a card.');
      }
    },
    async endSession() {
      sessionToken = newToken();
      await payments.endSession();
    },
    async dispose() {
      if (timer) clearInterval(timer);
      await payments.dispose();
      await ready.catch(() => undefined);
      orderLog.close();
      await backend.emulator?.stop();
    },
  };
}

function notConfigured(reason: string): never {
  throw new KioskError('PAYMENT_NOT_CONFIGURED', reason);
}
