/**
 * Port to the card-present payment provider, in the kiosk's own words: open a card payment for an
 * order, offer it on the store's card reader, follow it, capture, cancel or refund it. The adapter
 * (today Stripe Terminal, server-driven) maps the provider's objects, statuses and error codes onto
 * these shapes, so the payment logic stays pure, testable and provider-neutral. How to add another
 * provider: docs/payments.md.
 */
export interface CardPaymentRequest {
  orderId: string;
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** What the shopper's statement and the provider's dashboard show. */
  description: string;
  storeId: string;
  kioskId: string;
}

/**
 * Where a card payment stands. `authorized`: the card was approved and the money is held until the
 * kiosk captures it; `captured`: paid.
 */
export type CardPaymentState = 'awaiting_card' | 'processing' | 'authorized' | 'captured' | 'canceled';

export interface CardPayment {
  /** The provider's id for this payment. */
  id: string;
  state: CardPaymentState;
  amountMinor: number;
  currency: string;
  /** The order this payment was opened for, as recorded with the provider. */
  orderId: string | null;
  /** The provider's receipt page, once there is a charge. */
  receiptUrl: string | null;
  /** The card network's decline code of the last failed attempt (`insufficient_funds`, …), if any. */
  declineCode: string | null;
}

/** What the card reader is doing; `activity` is null when it is idle. */
export interface ReaderStatus {
  online: boolean;
  activity: {
    /** The payment the reader is collecting (or last collected) for. */
    paymentId: string | null;
    state: 'collecting' | 'approved' | 'declined' | 'failed';
    /** The provider's reason when the reader gave up (timeout, canceled, …). */
    failureCode: string | null;
    declineCode: string | null;
  } | null;
}

export type ProviderErrorKind =
  /** Reader busy with another action: offer the same payment again. */
  | 'reader_busy'
  | 'reader_offline'
  | 'reader_timeout'
  /** No answer: connection refused, reset or timed out. The request may or may not have landed. */
  | 'network'
  /** The provider failed (5xx after retries, conflict, rate limit): try again later. */
  | 'server'
  /** A request the provider refused (wrong state, bad parameter, an amount it cannot take). */
  | 'refused'
  /** A refund of a payment that is refunded already. */
  | 'already_refunded'
  | 'auth'
  | 'not_found';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** The provider's own error code, for logs. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Whether a failure means "could not reach it" rather than "it said no". */
export const isUnreachable = (err: unknown): boolean =>
  err instanceof ProviderError && (err.kind === 'network' || err.kind === 'server');

/**
 * Every call that changes something takes an idempotency key derived from the order, so a retry or
 * a replay after a crash can never open, capture, cancel or refund twice.
 */
export interface CardPaymentProvider {
  /** Opens the order's card payment (the same key returns the payment opened before). */
  startPayment(request: CardPaymentRequest, idempotencyKey: string): Promise<CardPayment>;
  getPayment(paymentId: string): Promise<CardPayment>;
  capturePayment(paymentId: string, idempotencyKey: string): Promise<CardPayment>;
  cancelPayment(paymentId: string, idempotencyKey: string): Promise<CardPayment>;
  refundPayment(paymentId: string, idempotencyKey: string): Promise<{ refundId: string }>;
  /** Offers the payment on the store's card reader, which then waits for a card. */
  collectOnReader(paymentId: string, idempotencyKey: string): Promise<ReaderStatus>;
  readerStatus(): Promise<ReaderStatus>;
  /** Stops whatever the reader is doing (the shopper canceled, the wait timed out). */
  stopReader(): Promise<ReaderStatus>;
}
