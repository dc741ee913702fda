import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

export type DemoCard = 'success' | 'generic_decline' | 'insufficient_funds';

/**
 * Card payment on the reader. `start` prices and opens the order in main; every later step arrives
 * as a `payment:state` event for the current order (events of other orders are ignored), and a
 * success moves the shopper to Thank you. Cancel, retry and demo taps are intents sent to main.
 */
export class PaymentFlow {
  busy = $state(false);

  constructor(
    private readonly client: KioskClient,
    private readonly session: KioskSession,
  ) {}

  get phase() {
    return this.session.payment?.phase ?? null;
  }

  /** Waiting for the reader: the shopper can cancel, but not go back. */
  get waiting(): boolean {
    return this.phase === 'creating' || this.phase === 'waiting_for_card';
  }

  get finishedWithoutPayment(): boolean {
    const p = this.phase;
    return p === 'declined' || p === 'canceled' || p === 'failed' || p === 'reader_offline';
  }

  /** Subscribes to payment state; returns the unsubscribe function. */
  follow(): () => void {
    return this.client.on('payment:state', (p) => {
      if (p.orderId !== this.session.payment?.orderId) return;
      this.session.payment = p;
      if (p.phase !== 'succeeded') return;
      // Paid: main has closed this cart (it refuses to take it again) and the header shows it empty.
      this.session.cart.clear();
      if (this.session.screen === 'payment') this.session.go('thank-you');
    });
  }

  async start(): Promise<boolean> {
    const request = this.session.cart.payRequest();
    if (this.busy || !request) return false;
    this.busy = true;
    const result = await this.client.invoke('payment:start', request);
    this.busy = false;
    if (!result.ok) {
      // The cart changed since it was priced: price it again so the shopper sees what changed.
      if (result.error.code === 'CART_CHANGED') await this.session.cart.refresh();
      this.session.error = result.error;
      return false;
    }
    this.session.payment = result.value;
    if (this.session.screen !== 'payment') this.session.go('payment');
    return true;
  }

  async cancel(): Promise<void> {
    const order = this.session.payment;
    if (!order || this.busy) return;
    this.busy = true;
    const result = await this.client.invoke('payment:cancel', { orderId: order.orderId });
    this.busy = false;
    if (result.ok) this.session.payment = result.value;
    else this.session.error = result.error;
  }

  /** Demo mode only: stands in for presenting a test card to the emulated reader. */
  async demoTap(card: DemoCard): Promise<void> {
    const result = await this.client.invoke('payment:demo-tap', { card });
    if (!result.ok) this.session.error = result.error;
  }
}
