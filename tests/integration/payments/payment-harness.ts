import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createCheckoutServices,
  type CheckoutDeps,
  type CheckoutServices,
} from '../../../electron/services/checkout-services';
import { createCheckoutHandlers } from '../../../electron/services/handlers/checkout-handlers';
import type { EventSink, HandlerTable } from '../../../electron/services/handler-types';
import { invokeChannel } from '../../../electron/services/invoke-channel';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { KioskConfigSchema, type KioskConfigInput } from '../../../electron/core/config/kiosk-config-schema';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import type { PaymentPhase, PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { Result } from '../../../electron/shared/result';
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from '../../../electron/stripe-emulator/stripe-emulator-server';
import { lookup } from '../../unit/core/checkout/checkout-fixtures';

export const API_KEY = 'rk_test_kiosk_integration';

/** Short timings so fault paths finish in well under a second. */
export const FAST_TIMINGS = {
  pollIntervalMs: 15,
  cardWaitTimeoutMs: 3000,
  readerRetryDelaysMs: [20, 40, 80],
  networkGraceMs: 400,
  captureRetryDelaysMs: [20, 40],
};

export interface TestKiosk {
  emulator: StripeEmulator;
  readerId: string;
  services: CheckoutServices;
  states: PaymentState[];
  dataDir: string;
  /** Calls a channel the way every host does: input parsed, output validated, errors as results. */
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  /** The first state of this order in one of these phases, among states emitted from index `since`. */
  waitForPhase(
    orderId: string,
    phases: PaymentPhase[],
    since?: number,
    timeoutMs?: number,
  ): Promise<PaymentState>;
  stop(): Promise<void>;
}

/** A kiosk in `stripe` mode whose SDK talks to an emulator on 127.0.0.1. */
export async function startTestKiosk(
  options: {
    emulator?: StripeEmulatorOptions;
    config?: KioskConfigInput;
    deps?: Partial<CheckoutDeps>;
    dataDir?: string;
    existingEmulator?: StripeEmulator;
    readerId?: string;
  } = {},
): Promise<TestKiosk> {
  const emulator =
    options.existingEmulator ??
    (await startStripeEmulator({ apiKey: API_KEY, processingDelayMs: 20, ...options.emulator }));
  const readerId = options.readerId ?? emulator.createReader().id;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kiosk-pay-'));
  const config = KioskConfigSchema.parse({
    ...options.config,
    payments: { mode: 'stripe', apiKeyPlain: API_KEY, readerId, ...options.config?.payments },
    links: {
      allowedHosts: ['shop.example.com', 'results.example.com'],
      resultsPageUrl: 'https://results.example.com/r/',
      cart: { kind: 'shopify', storeUrl: 'https://shop.example.com' },
      ...options.config?.links,
    },
  });
  const states: PaymentState[] = [];
  const waiters: (() => void)[] = [];
  const sink: EventSink = {
    emit: (event, payload) => {
      if (event !== 'payment:state') return;
      states.push(payload as PaymentState);
      waiters.splice(0).forEach((w) => w());
    },
  };
  const services = await createCheckoutServices(config, sourceTreePaths(process.cwd(), dataDir), sink, {
    products: lookup(),
    endpoint: emulator,
    timings: FAST_TIMINGS,
    timeoutMs: 1000,
    reconcileIntervalMs: 0,
    ...options.deps,
  });
  const handlers = createCheckoutHandlers(services) as unknown as HandlerTable;
  const deps = { handlers, staffUnlocked: () => true, logger: silentLogger };
  const waitForPhase = (orderId: string, phases: PaymentPhase[], since = 0, timeoutMs = 5000) =>
    new Promise<PaymentState>((resolve, reject) => {
      const trail = () =>
        states
          .filter((s) => s.orderId === orderId)
          .map((s) => s.phase)
          .join(' → ');
      const timer = setTimeout(
        () => reject(new Error(`order ${orderId} never reached ${phases.join('/')}; saw ${trail()}`)),
        timeoutMs,
      );
      const check = () => {
        const hit = states.slice(since).find((s) => s.orderId === orderId && phases.includes(s.phase));
        if (!hit) return void waiters.push(check);
        clearTimeout(timer);
        resolve(hit);
      };
      check();
    });
  return {
    emulator,
    readerId,
    services,
    states,
    dataDir,
    call: (channel, input) => invokeChannel(deps, channel, input, sink),
    waitForPhase,
    stop: async () => {
      await services.dispose();
      if (!options.existingEmulator) await emulator.stop();
    },
  };
}

export const CART = {
  items: [
    { sku: 'CLN-001', quantity: 2 },
    { sku: 'SER-002', quantity: 1 },
  ],
};
/** 2 × 18.00 + 34.50 */
export const CART_TOTAL = 7050;

export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
