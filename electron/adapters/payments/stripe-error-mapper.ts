import Stripe from 'stripe';
import { GatewayError, type GatewayErrorKind } from '../../core/checkout/terminal-gateway-port';

const READER_CODES: Record<string, GatewayErrorKind> = {
  terminal_reader_busy: 'reader_busy',
  terminal_reader_offline: 'reader_offline',
  terminal_reader_timeout: 'reader_timeout',
};

/** Maps an error thrown by the `stripe` SDK onto the gateway's error kinds. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new GatewayError('network', err instanceof Error ? err.message : String(err));
  }
  const code = err.code ?? null;
  const readerKind = code ? READER_CODES[code] : undefined;
  if (readerKind) return new GatewayError(readerKind, err.message, code);
  if (err instanceof Stripe.errors.StripeConnectionError)
    return new GatewayError('network', err.message, code);
  if (
    err instanceof Stripe.errors.StripeAuthenticationError ||
    err instanceof Stripe.errors.StripePermissionError
  ) {
    return new GatewayError('auth', err.message, code);
  }
  const status = err.statusCode ?? 0;
  if (status === 404) return new GatewayError('not_found', err.message, code);
  if (status >= 500 || status === 409 || status === 429) return new GatewayError('server', err.message, code);
  return new GatewayError('invalid', err.message, code);
}
