import Stripe from 'stripe';
import type {
  GatewayIntent,
  IntentRequest,
  IntentStatus,
  ReaderView,
  TerminalGateway,
} from '../../core/checkout/terminal-gateway-port';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts';
import { toGatewayError } from './stripe-error-mapper';

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

/** Stripe Terminal, server-driven, through the official `stripe` SDK. */
export class StripeTerminalAdapter implements TerminalGateway {
  constructor(private readonly stripe: Stripe) {}

  async createIntent(request: IntentRequest, idempotencyKey: string): Promise<GatewayIntent> {
    const amount = toStripeAmount(request.amountMinor, request.currency);
    return call(async () =>
      toIntent(
        await this.stripe.paymentIntents.create(
          {
            amount,
            currency: request.currency.toLowerCase(),
            // Named `payment_method_types` before API version 2026-10-28, which this SDK pins.
            allowed_payment_method_types: ['card_present'],
            capture_method: 'manual',
            description: request.description,
            metadata: request.metadata,
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveIntent(intentId: string): Promise<GatewayIntent> {
    return call(async () =>
      toIntent(await this.stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] })),
    );
  }

  captureIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent> {
    return call(async () =>
      toIntent(
        await this.stripe.paymentIntents.capture(intentId, { expand: ['latest_charge'] }, { idempotencyKey }),
      ),
    );
  }

  cancelIntent(intentId: string, idempotencyKey: string): Promise<GatewayIntent> {
    return call(async () =>
      toIntent(
        await this.stripe.paymentIntents.cancel(
          intentId,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey },
        ),
      ),
    );
  }

  refundIntent(intentId: string, idempotencyKey: string): Promise<{ refundId: string }> {
    return call(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: intentId, reason: 'requested_by_customer' },
        { idempotencyKey },
      );
      return { refundId: refund.id };
    });
  }

  processIntent(readerId: string, intentId: string, idempotencyKey: string): Promise<ReaderView> {
    return call(async () =>
      toReader(
        await this.stripe.terminal.readers.processPaymentIntent(
          readerId,
          { payment_intent: intentId },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveReader(readerId: string): Promise<ReaderView> {
    return call(async () => toReader(await this.stripe.terminal.readers.retrieve(readerId)));
  }

  cancelReaderAction(readerId: string): Promise<ReaderView> {
    return call(async () => toReader(await this.stripe.terminal.readers.cancelAction(readerId)));
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toGatewayError(err);
  }
}

function toIntent(pi: Stripe.PaymentIntent): GatewayIntent {
  const charge = pi.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  return {
    id: pi.id,
    status: pi.status as IntentStatus,
    amountMinor: fromStripeAmount(pi.amount, pi.currency.toUpperCase()),
    currency: pi.currency.toUpperCase(),
    metadata: { ...pi.metadata },
    receiptUrl: charge?.receipt_url ?? null,
    lastDeclineCode: pi.last_payment_error?.decline_code ?? null,
  };
}

function toReader(reader: Stripe.Terminal.Reader | Stripe.Terminal.DeletedReader): ReaderView {
  if ('deleted' in reader && reader.deleted) return { online: false, action: null };
  const live = reader as Stripe.Terminal.Reader;
  const action = live.action;
  const pi = action?.process_payment_intent?.payment_intent;
  return {
    online: live.status === 'online',
    action: action
      ? {
          paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
          status: action.status as 'in_progress' | 'succeeded' | 'failed',
          failureCode: action.failure_code,
          declineCode: action.api_error?.decline_code ?? null,
        }
      : null,
  };
}
