import type { Clock } from '../../core/checkout/payment-run';

/**
 * The payment run's clock on real timers. A sleep that ends on its own removes its abort listener:
 * a run polls the reader every half second on one AbortSignal for up to two minutes, and listeners
 * left behind would pile up on that signal (Node's MaxListenersExceededWarning after ten) and keep
 * every finished sleep's closure alive until the run ends.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
