import type { KioskClient } from './client/kiosk-client';
import type { KioskSession } from './kiosk-session.svelte';
export type DemoCard = 'success' | 'generic_decline' | 'insufficient_funds';
/**
 * Card payment on the reader. `start` prices and opens the order in main; every later step arrives
 * as a `payment:state` event for the current order (events of other orders are ignored), and a
 * success moves the shopper to Thank you. Cancel, retry and demo taps are intents sent to main.
 */
export declare class PaymentFlow {
  private readonly client;
  private readonly session;
  busy: any;
  constructor(client: KioskClient, session: KioskSession);
  get phase(): any;
  /** Waiting for the reader: the shopper can cancel, but not go back. */
  get waiting(): boolean;
  get finishedWithoutPayment(): boolean;
  /** Subscribes to payment state; returns the unsubscribe function. */
  follow(): () => void;
  start(): Promise<boolean>;
  cancel(): Promise<void>;
  /** Demo mode only: stands in for presenting a test card to the emulated reader. */
  demoTap(card: DemoCard): Promise<void>;
}
