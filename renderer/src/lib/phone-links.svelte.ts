import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';

/**
 * The codes a shopper scans to continue on their phone: one product's buy link, and "save my
 * results" (the summary travels in the link's fragment, which phones never send to a server).
 * One code is open at a time; a failure lands on the session's error notice.
 */
export class PhoneLinks {
  /** The code on screen now, with what it is for. */
  open = $state<{ kind: 'product' | 'results'; svg: string } | null>(null);

  constructor(
    private readonly client: KioskClient,
    private readonly session: KioskSession,
  ) {}

  async showProduct(sku: string): Promise<void> {
    const result = await this.client.invoke('checkout:links', { items: [{ sku, quantity: 1 }] });
    if (!result.ok) {
      this.session.error = result.error;
      return;
    }
    const svg = result.value.products[0]?.qrSvg;
    this.open = svg ? { kind: 'product', svg } : null;
  }

  /** The routine's recommended products travel with the results, once there is a routine. */
  async showResults(locale: 'en' | 'es'): Promise<void> {
    const profile = this.session.profile;
    if (!profile) return;
    const skus = (this.session.routine?.slots ?? [])
      .map((s) => s.picks[0]?.product.sku)
      .filter((s): s is string => !!s);
    const result = await this.client.invoke('checkout:save-results', { profile, skus, locale });
    if (!result.ok) {
      this.session.error = result.error;
      return;
    }
    this.open = { kind: 'results', svg: result.value.qrSvg };
  }

  close(): void {
    this.open = null;
  }
}
