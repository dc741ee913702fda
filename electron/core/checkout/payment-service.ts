import type { Cart, PaymentPhase, PaymentState } from '../../shared/schemas/checkout-schemas';
import type { OrderSummary } from '../../shared/schemas/staff-schemas';
import { KioskError } from '../../shared/result';
import { cancelOrder, idempotencyKeys, moveTo, type PaymentContext } from './order-actions';
import type { OrderRecord } from './order-log-port';
import { reconcileOrders, type ReconcileReport } from './order-reconciler';
import { isUnfinished } from './order-state-machine';
import { kioskMessage } from './payment-messages';
import { runPayment, type Clock, type PaymentTimings, type RunControl } from './payment-run';
import { isUnreachable, ProviderError } from './card-payment-port';
import { orderSummary, stateFromOrder } from './payment-state-view';
import { isPhoneReachable } from './url-policy';

export interface PaymentServiceDeps {
  ctx: PaymentContext;
  timings: PaymentTimings;
  clock: Clock;
  /** True when the provider is the built-in emulator: every state says "demo". */
  demo: boolean;
  newOrderId(): string;
  emit(state: PaymentState): void;
  /** Renders a receipt URL as a QR code (SVG). */
  qrSvg(text: string): Promise<string>;
}

interface ActiveRun {
  orderId: string;
  abort: AbortController;
  cancel: boolean;
  halt: boolean;
  done: Promise<void>;
}

/**
 * Card payments on the reader, one at a time. `start` answers at once with `creating`; the rest of
 * the journey arrives as `payment:state` events. A declined or unreachable-reader order stays open:
 * starting again with the same cart offers the same PaymentIntent to the reader again.
 */
export class PaymentService {
  private run: ActiveRun | null = null;
  private current: string | null = null;
  /**
   * The last published state of the current order only: older orders are derived from the order
   * log on demand, so a kiosk that runs for months does not keep every receipt QR in memory.
   */
  private live: PaymentState | null = null;

  constructor(private readonly deps: PaymentServiceDeps) {}

  async start(cart: Cart): Promise<PaymentState> {
    const { log } = this.deps.ctx;
    this.assertCartOpen();
    if (this.run) {
      const active = log.get(this.run.orderId);
      if (active && sameCart(active, cart)) return this.stateOf(active);
      throw new KioskError(
        'PAYMENT_FAILED',
        'Another payment is in progress on the reader; cancel it first.',
      );
    }
    const previous = this.current ? log.get(this.current) : null;
    if (previous && isUnfinished(previous.status, previous.pending)) {
      // Same cart again (after a decline, an offline reader or a lost answer): same order, same payment.
      if (sameCart(previous, cart) && previous.status !== 'canceled' && previous.status !== 'failed')
        return this.launch(previous);
      await this.settleQuietly(previous, 'canceled');
    }
    const order = log.create({
      orderId: this.deps.newOrderId(),
      totalMinor: cart.total.amountMinor,
      currency: cart.total.currency,
      lines: cart.lines.map((l) => ({
        sku: l.product.sku,
        name: `${l.product.brand} ${l.product.name}`,
        quantity: l.quantity,
        unitMinor: l.product.price.amountMinor,
      })),
      demo: this.deps.demo,
    });
    this.current = order.orderId;
    return this.launch(order);
  }

  /**
   * A session's cart closes when its payment is captured: from then until the session ends, every
   * new payment is refused with CART_CLOSED, whatever cart the renderer still holds, so a paid cart
   * can never be paid twice.
   */
  assertCartOpen(): void {
    const order = this.current ? this.deps.ctx.log.get(this.current) : null;
    if (order && (order.status === 'captured' || order.status === 'refunded')) {
      throw new KioskError('CART_CLOSED', 'This cart is paid. Start a new session to buy something else.', {
        orderId: order.orderId,
      });
    }
  }

  /** Cancels the order's payment; waits until the reader and the provider agree (or are unreachable). */
  async cancel(orderId: string): Promise<PaymentState> {
    this.require(orderId);
    const run = this.run;
    if (run?.orderId === orderId) {
      run.cancel = true;
      run.abort.abort();
      await run.done;
    }
    // The run may have ended on its own (declined, offline) just before the cancel arrived.
    const order = this.require(orderId);
    if (isUnfinished(order.status, order.pending) && order.status !== 'captured') {
      await this.settleQuietly(order, 'canceled');
      const after = this.require(orderId);
      return this.publish(
        after,
        after.status === 'captured' ? 'succeeded' : 'canceled',
        after.status === 'captured' ? null : 'canceled',
      );
    }
    return this.stateOf(order);
  }

  async state(orderId: string): Promise<PaymentState> {
    return this.stateOf(this.require(orderId));
  }

  orders(limit: number): OrderSummary[] {
    return this.deps.ctx.log.list(limit).map(orderSummary);
  }

  /** Staff refund in full. The transition is written first, so a lost answer is replayed later. */
  async refund(orderId: string): Promise<OrderSummary> {
    const { ctx } = this.deps;
    const order = this.require(orderId);
    if (order.status !== 'captured' || !order.paymentRef) {
      throw new KioskError(
        'PAYMENT_FAILED',
        `Only a captured order can be refunded; this one is ${order.status}.`,
      );
    }
    const pending = ctx.log.update(orderId, { pending: 'refund' });
    try {
      await ctx.provider.refundPayment(order.paymentRef, idempotencyKeys.refund(orderId));
    } catch (err) {
      if (isUnreachable(err)) {
        throw new KioskError(
          'PAYMENT_FAILED',
          'The payment provider cannot be reached; the refund is recorded and will be retried.',
        );
      }
      if (!(err instanceof ProviderError && err.kind === 'already_refunded')) {
        ctx.log.update(orderId, { pending: null });
        throw new KioskError(
          'PAYMENT_FAILED',
          `The payment provider refused the refund: ${(err as Error).message}`,
        );
      }
    }
    return orderSummary(
      moveTo(ctx.log, pending, 'refunded', { pending: null, lastReason: 'refunded', lastError: null }),
    );
  }

  /** Settles unfinished orders nobody is paying right now (start-up, and periodically). */
  reconcile(): Promise<ReconcileReport> {
    const skip = new Set<string>();
    if (this.run) skip.add(this.run.orderId);
    if (this.current) skip.add(this.current);
    return reconcileOrders(this.deps.ctx, skip);
  }

  /** The shopper left: an open order is canceled so no authorisation outlives the session. */
  async endSession(): Promise<void> {
    if (this.run) await this.cancel(this.run.orderId);
    const order = this.current ? this.deps.ctx.log.get(this.current) : null;
    if (order && isUnfinished(order.status, order.pending)) await this.settleQuietly(order, 'canceled');
    this.current = null;
  }

  /** Stops polling without touching the order; the next start-up reconciles it. */
  async dispose(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.halt = true;
    run.abort.abort();
    await run.done;
  }

  private launch(order: OrderRecord): PaymentState {
    const abort = new AbortController();
    const run: ActiveRun = {
      orderId: order.orderId,
      abort,
      cancel: false,
      halt: false,
      done: Promise.resolve(),
    };
    const control: RunControl = {
      signal: abort.signal,
      cancelRequested: () => run.cancel,
      halted: () => run.halt,
    };
    const env = {
      ctx: this.deps.ctx,
      timings: this.deps.timings,
      clock: this.deps.clock,
      report: this.report,
    };
    this.run = run;
    const initial = this.publish(order, 'creating', null);
    run.done = runPayment(env, order, control).finally(() => {
      if (this.run === run) this.run = null;
    });
    return initial;
  }

  private readonly report = (
    order: OrderRecord,
    phase: PaymentPhase,
    reason?: string | null,
    message?: string | null,
  ): void => {
    this.publish(order, phase, reason ?? null, message ?? null);
  };

  private publish(
    order: OrderRecord,
    phase: PaymentPhase,
    reason: string | null,
    message: string | null = null,
  ): PaymentState {
    const state: PaymentState = {
      orderId: order.orderId,
      phase,
      reason,
      message: message ?? (reason ? kioskMessage(reason) : null),
      demo: this.deps.demo,
      receiptUrl: phase === 'succeeded' ? order.receiptUrl : null,
      receiptQrSvg: null,
    };
    this.live = state;
    if (phase === 'succeeded' && order.receiptUrl && isPhoneReachable(order.receiptUrl)) {
      // The QR is rendered off the hot path; the event with it follows the plain one.
      void this.deps.qrSvg(order.receiptUrl).then((svg) => {
        const withQr = { ...state, receiptQrSvg: svg };
        if (this.live === state) this.live = withQr;
        this.deps.emit(withQr);
      });
    }
    this.deps.emit(state);
    return state;
  }

  private async stateOf(order: OrderRecord): Promise<PaymentState> {
    const live = this.live?.orderId === order.orderId ? this.live : null;
    const reachable = (url: string | null): url is string => url !== null && isPhoneReachable(url);
    if (live && (live.receiptQrSvg || !reachable(live.receiptUrl))) return live;
    const derived = stateFromOrder(order, this.deps.demo, live?.phase ?? null);
    return reachable(derived.receiptUrl)
      ? { ...derived, receiptQrSvg: await this.deps.qrSvg(derived.receiptUrl) }
      : derived;
  }

  private async settleQuietly(order: OrderRecord, reason: string): Promise<void> {
    try {
      await cancelOrder(this.deps.ctx, order, reason);
    } catch (err) {
      // Left unfinished in the log; the reconciler retries.
      if (!isUnreachable(err) && !(err instanceof ProviderError)) throw err;
    }
  }

  private require(orderId: string): OrderRecord {
    const order = this.deps.ctx.log.get(orderId);
    if (!order) throw new KioskError('NOT_FOUND', `No order ${orderId}.`);
    return order;
  }
}

const sameCart = (order: OrderRecord, cart: Cart): boolean =>
  order.totalMinor === cart.total.amountMinor &&
  order.currency === cart.total.currency &&
  order.lines.length === cart.lines.length &&
  order.lines.every((l, i) => l.sku === cart.lines[i]?.product.sku && l.quantity === cart.lines[i]?.quantity);
