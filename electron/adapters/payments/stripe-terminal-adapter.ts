import Stripe from 'stripe';
import type {
  CardPayment,
  CardPaymentProvider,
  CardPaymentRequest,
  CardPaymentState,
  ReaderStatus,
} from '../../core/checkout/card-payment-port';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts';
import { toProviderError } from './stripe-error-mapper';

export interface StripeEndpoint {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

export interface StripeTerminalOptions {
  /** Restricted key (`rk_…`) with PaymentIntents, Refunds and Terminal readers write access. */
  apiKey: string;
  /** Where the API lives; omitted for api.stripe.com, the emulator's loopback address otherwise. */
  endpoint?: StripeEndpoint;
  /** Per-request timeout; the SDK default (80 s) is far too long for a shopper at a kiosk. */
  timeoutMs?: number;
  /** SDK-level retries of network errors, 409 and 5xx, with the same idempotency key. */
  maxNetworkRetries?: number;
}

/** Builds the SDK client, pointed at Stripe or at the emulator through host/port/protocol. */
export function createStripeClient(options: StripeTerminalOptions): Stripe {
  const endpoint = options.endpoint;
  return new Stripe(options.apiKey, {
    ...(endpoint ? { host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol } : {}),
    timeout: options.timeoutMs ?? 10_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    telemetry: false,
    appInfo: { name: 'skin-kiosk' },
  });
}

/**
 * The kiosk's card payments on Stripe Terminal, server-driven, through the official `stripe` SDK:
 * a card payment is a PaymentIntent with manual capture, offered on one reader with
 * `process_payment_intent`. Everything Stripe-specific (statuses, reader actions, metadata, error
 * codes, amount units) is translated here.
 */
export class StripeTerminalAdapter implements CardPaymentProvider {
  constructor(
    private readonly stripe: Stripe,
    /** The store's reader (`tmr_…`). */
    private readonly readerId: string,
  ) {}

  async startPayment(request: CardPaymentRequest, idempotencyKey: string): Promise<CardPayment> {
    const amount = toStripeAmount(request.amountMinor, request.currency);
    return call(async () =>
      toPayment(
        await this.stripe.paymentIntents.create(
          {
            amount,
            currency: request.currency.toLowerCase(),
            // Named `payment_method_types` before API version 2026-10-28, which this SDK pins.
            allowed_payment_method_types: ['card_present'],
            capture_method: 'manual',
            description: request.description,
            metadata: { order_id: request.orderId, store_id: request.storeId, kiosk_id: request.kioskId },
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  getPayment(paymentId: string): Promise<CardPayment> {
    return call(async () =>
      toPayment(await this.stripe.paymentIntents.retrieve(paymentId, { expand: ['latest_charge'] })),
    );
  }

  capturePayment(paymentId: string, idempotencyKey: string): Promise<CardPayment> {
    return call(async () =>
      toPayment(
        await this.stripe.paymentIntents.capture(
          paymentId,
          { expand: ['latest_charge'] },
          { idempotencyKey },
        ),
      ),
    );
  }

  cancelPayment(paymentId: string, idempotencyKey: string): Promise<CardPayment> {
    return call(async () =>
      toPayment(
        await this.stripe.paymentIntents.cancel(
          paymentId,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey },
        ),
      ),
    );
  }

  refundPayment(paymentId: string, idempotencyKey: string): Promise<{ refundId: string }> {
    return call(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: paymentId, reason: 'requested_by_customer' },
        { idempotencyKey },
      );
      return { refundId: refund.id };
    });
  }

  collectOnReader(paymentId: string, idempotencyKey: string): Promise<ReaderStatus> {
    return call(async () =>
      toReader(
        await this.stripe.terminal.readers.processPaymentIntent(
          this.readerId,
          { payment_intent: paymentId },
          { idempotencyKey },
        ),
      ),
    );
  }

  readerStatus(): Promise<ReaderStatus> {
    return call(async () => toReader(await this.stripe.terminal.readers.retrieve(this.readerId)));
  }

  stopReader(): Promise<ReaderStatus> {
    return call(async () => toReader(await this.stripe.terminal.readers.cancelAction(this.readerId)));
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toProviderError(err);
  }
}

/** PaymentIntent statuses in the kiosk's words; a status Stripe adds later counts as in flight. */
function stateOf(status: string): CardPaymentState {
  switch (status) {
    case 'requires_payment_method':
    case 'requires_confirmation':
    case 'requires_action':
      return 'awaiting_card';
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      return 'captured';
    case 'canceled':
      return 'canceled';
    default:
      return 'processing';
  }
}

function toPayment(pi: Stripe.PaymentIntent): CardPayment {
  const charge = pi.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  return {
    id: pi.id,
    state: stateOf(pi.status),
    amountMinor: fromStripeAmount(pi.amount, pi.currency.toUpperCase()),
    currency: pi.currency.toUpperCase(),
    orderId: pi.metadata?.order_id ?? null,
    receiptUrl: charge?.receipt_url ?? null,
    declineCode: pi.last_payment_error?.decline_code ?? null,
  };
}

function toReader(reader: Stripe.Terminal.Reader | Stripe.Terminal.DeletedReader): ReaderStatus {
  if ('deleted' in reader && reader.deleted) return { online: false, activity: null };
  const live = reader as Stripe.Terminal.Reader;
  const action = live.action;
  const pi = action?.process_payment_intent?.payment_intent;
  if (!action) return { online: live.status === 'online', activity: null };
  const state =
    action.status === 'in_progress'
      ? 'collecting'
      : action.status === 'succeeded'
        ? 'approved'
        : action.failure_code === 'card_declined'
          ? 'declined'
          : 'failed';
  return {
    online: live.status === 'online',
    activity: {
      paymentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
      state,
      failureCode: action.failure_code,
      declineCode: action.api_error?.decline_code ?? null,
    },
  };
}
