import Stripe from 'stripe';
import { ProviderError, type ProviderErrorKind } from '../../core/checkout/card-payment-port';

const CODES: Record<string, ProviderErrorKind> = {
  terminal_reader_busy: 'reader_busy',
  terminal_reader_offline: 'reader_offline',
  terminal_reader_timeout: 'reader_timeout',
  charge_already_refunded: 'already_refunded',
};

/** Maps an error thrown by the `stripe` SDK onto the payment port's error kinds. */
export function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new ProviderError('network', err instanceof Error ? err.message : String(err));
  }
  const code = err.code ?? null;
  const known = code ? CODES[code] : undefined;
  if (known) return new ProviderError(known, err.message, code);
  if (err instanceof Stripe.errors.StripeConnectionError)
    return new ProviderError('network', err.message, code);
  if (
    err instanceof Stripe.errors.StripeAuthenticationError ||
    err instanceof Stripe.errors.StripePermissionError
  ) {
    return new ProviderError('auth', err.message, code);
  }
  const status = err.statusCode ?? 0;
  if (status === 404) return new ProviderError('not_found', err.message, code);
  if (status >= 500 || status === 409 || status === 429)
    return new ProviderError('server', err.message, code);
  return new ProviderError('refused', err.message, code);
}
