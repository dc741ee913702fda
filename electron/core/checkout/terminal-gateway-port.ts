/**
 * Port to the card-present payment provider (Stripe Terminal, server-driven). The adapter maps the
 * provider's objects and errors onto these shapes so the payment logic stays pure and testable.
 */
export interface IntentRequest {
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  description: string;
  metadata: Record<string, string>;
}

export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface GatewayIntent {
  id: string;
  status: IntentStatus;
  amountMinor: number;
  currency: string;
  /** Metadata the intent was created with (the order id lives here). */
  metadata: Record<string, string>;
  /** The charge's receipt, once there is a charge. */
  receiptUrl: string | null;
  /** Decline code of the last failed attempt, if any. */
  lastDeclineCode: string | null;
}

/** What the reader is doing. `action` is null when it is idle. */
export interface ReaderView {
  online: boolean;
  action: {
    paymentIntentId: string | null;
    status: 'in_progress' | 'succeeded' | 'failed';
    failureCode: string | null;
    /** For `card_declined`: Stripe's decline code (`insufficient_funds`, …). */
    declineCode: string | null;
  } | null;
}

export type GatewayErrorKind =
  /** Reader busy with another action: retry with the same PaymentIntent. */
  | 'reader_busy'
  | 'reader_offline'
  | 'reader_timeout'
  /** No answer: connection refused, reset or timed out. The request may or may not have landed. */
  | 'network'
  /** Stripe answered 5xx after the SDK's own retries. */
  | 'server'
  /** A request Stripe refused (wrong state, bad parameter, …). */
  | 'invalid'
  | 'auth'
  | 'not_found';

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Whether a failure means "could not reach it" rather than "it said no". */
export const isUnreachable = (err: unknown): boolean =>
  err instanceof GatewayError && (err.kind === 'network' || err.kind === 'server');

export interface TerminalGateway {
  createIntent(request: IntentRequest, idempotencyKey: string): Promise<GatewayIntent>;
  retrieveIntent(intentId: string): Promise<GatewayIntent>;
  captureIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent>;
  cancelIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent>;
  refundIntent(intentId: string, idempotencyKey: string): Promise<{ refundId: string }>;
  processIntent(readerId: string, intentId: string, idempotencyKey: string): Promise<ReaderView>;
  retrieveReader(readerId: string): Promise<ReaderView>;
  cancelReaderAction(readerId: string): Promise<ReaderView>;
}
