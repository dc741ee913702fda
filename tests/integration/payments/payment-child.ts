/**
 * A kiosk process for the crash tests: `pay` (or `pay-refund`) runs one payment for the test cart
 * and reports its phases on stdout; `reconcile` starts the kiosk, which reconciles unfinished
 * orders at start-up, and prints the report. The parent kills `pay` with SIGKILL at chosen steps.
 */
import { createCheckoutServices } from '../../../electron/services/checkout-services';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import type { PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import { lookup } from '../../unit/core/checkout/checkout-fixtures';
import { API_KEY, CART, FAST_TIMINGS } from './payment-harness';

const [mode, dataDir, port, readerId] = process.argv.slice(2);
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(): Promise<void> {
  const config = KioskConfigSchema.parse({ payments: { mode: 'stripe', apiKeyPlain: API_KEY, readerId } });
  let resolveDone: (state: PaymentState) => void = () => undefined;
  const done = new Promise<PaymentState>((r) => (resolveDone = r));
  const services = await createCheckoutServices(
    config,
    sourceTreePaths(process.cwd(), dataDir as string),
    {
      emit: (_event, payload) => {
        const state = payload as PaymentState;
        say({ phase: state.phase, orderId: state.orderId });
        if (['succeeded', 'declined', 'canceled', 'failed', 'reader_offline'].includes(state.phase))
          resolveDone(state);
      },
    },
    {
      products: lookup(),
      endpoint: { host: '127.0.0.1', port: Number(port), protocol: 'http' },
      timings: FAST_TIMINGS,
      timeoutMs: 2000,
      reconcileIntervalMs: 0,
    },
  );
  const report = await services.ready;
  if (mode === 'reconcile') {
    say({ report });
    await services.dispose();
    return;
  }
  const payments = services.payments;
  if (!payments) throw new Error(services.paymentsUnavailable ?? 'payments unavailable');
  say({ ready: true });
  await payments.start(await services.checkout.price(CART));
  const end = await done;
  if (mode === 'pay-refund' && end.phase === 'succeeded')
    say({ refunded: (await payments.refund(end.orderId)).status });
  say({ finished: end.phase });
  await services.dispose();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
