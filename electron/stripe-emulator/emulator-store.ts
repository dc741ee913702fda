/**
 * The emulator's objects, shaped as Stripe serialises them (snake_case, `object`, `livemode`).
 * Only the fields the kiosk and the SDK types rely on are kept; everything lives in memory.
 */
export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

interface LastPaymentError {
  type: 'card_error';
  code: string;
  decline_code: string;
  message: string;
}

export interface EmuPaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: PaymentIntentStatus;
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  allowed_payment_method_types: string[];
  payment_method_types: string[];
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: LastPaymentError | null;
  metadata: Record<string, string>;
  description: string | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  client_secret: string;
  created: number;
  livemode: false;
}

export interface EmuCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  paid: boolean;
  status: 'succeeded';
  currency: string;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: 'card_present'; card_present: { brand: string; last4: string } };
  receipt_url: string;
  created: number;
  livemode: false;
}

export interface EmuRefund {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'succeeded';
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface ReaderApiError {
  type: 'card_error';
  code: string;
  decline_code: string;
  message: string;
}

interface EmuReaderAction {
  type: 'process_payment_intent';
  status: 'in_progress' | 'succeeded' | 'failed';
  failure_code: string | null;
  failure_message: string | null;
  api_error: ReaderApiError | null;
  process_payment_intent: { payment_intent: string };
}

export interface EmuReader {
  id: string;
  object: 'terminal.reader';
  action: EmuReaderAction | null;
  device_sw_version: string;
  device_type: 'simulated_wisepos_e';
  ip_address: string;
  label: string;
  last_seen_at: number;
  livemode: false;
  location: string | null;
  metadata: Record<string, string>;
  serial_number: string;
  status: 'online' | 'offline';
}

export interface EmuLocation {
  id: string;
  object: 'terminal.location';
  display_name: string;
  address: Record<string, string>;
  metadata: Record<string, string>;
  livemode: false;
}

/**
 * The objects the emulator has issued, by id. Stripe keeps every object forever and so does the
 * store by default; an emulator that lives as long as a demo kiosk keeps only the newest
 * `retainPaymentIntents` intents, each with its charges and refunds.
 */
export class EmulatorStore {
  readonly paymentIntents = new Map<string, EmuPaymentIntent>();
  readonly charges = new Map<string, EmuCharge>();
  readonly refunds = new Map<string, EmuRefund>();
  readonly readers = new Map<string, EmuReader>();
  readonly locations = new Map<string, EmuLocation>();

  constructor(private readonly retainPaymentIntents = Infinity) {}

  /** Stores a new intent, forgetting the oldest ones beyond the retention (never one on a reader). */
  addPaymentIntent(pi: EmuPaymentIntent): void {
    this.paymentIntents.set(pi.id, pi);
    if (this.paymentIntents.size <= this.retainPaymentIntents) return;
    const onReader = new Set(
      [...this.readers.values()].map((r) => r.action?.process_payment_intent.payment_intent),
    );
    const forgotten = new Set<string>();
    // A Map iterates in insertion order: the oldest intents come first.
    for (const id of this.paymentIntents.keys()) {
      if (this.paymentIntents.size <= this.retainPaymentIntents) break;
      if (onReader.has(id) || id === pi.id) continue;
      this.paymentIntents.delete(id);
      forgotten.add(id);
    }
    for (const [id, charge] of this.charges)
      if (forgotten.has(charge.payment_intent)) this.charges.delete(id);
    for (const [id, refund] of this.refunds)
      if (forgotten.has(refund.payment_intent)) this.refunds.delete(id);
  }
}
