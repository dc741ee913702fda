import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';
/**
 * The codes a shopper scans to continue on their phone: one product's buy link, and "save my
 * results" (the summary travels in the link's fragment, which phones never send to a server).
 * One code is open at a time; a failure lands on the session's error notice.
 */
export declare class PhoneLinks {
  private readonly client;
  private readonly session;
  /** The code on screen now, with what it is for. */
  open: any;
  constructor(client: KioskClient, session: KioskSession);
  showProduct(sku: string): Promise<void>;
  /** The routine's recommended products travel with the results, once there is a routine. */
  showResults(locale: 'en' | 'es'): Promise<void>;
  close(): void;
}
