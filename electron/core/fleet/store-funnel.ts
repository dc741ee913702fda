import { DeclineCategory, FunnelStep, type FunnelDay } from '../../shared/schemas/telemetry-schemas';

/**
 * The privacy-safe store funnel. It follows one session at a time and turns what happened into
 * counter increments: steps reached (each once per session) and, when the session ends, where it
 * said no. It holds no id, no answer, no image and no skin data — only which steps the current
 * session has reached — and forgets even that when the session ends.
 */

export type FunnelIncrement =
  { kind: 'step'; step: FunnelStep } | { kind: 'decline'; category: DeclineCategory };

export type PaymentOutcome = 'succeeded' | 'declined' | 'canceled' | 'reader_offline' | 'failed';

export class SessionFunnel {
  private active = false;
  private reached = new Set<FunnelStep>();
  private scanFailed = false;
  private lastPayment: Exclude<PaymentOutcome, 'succeeded'> | null = null;

  /** A shopper tapped Attract. */
  start(): FunnelIncrement[] {
    this.active = true;
    this.reached = new Set();
    this.scanFailed = false;
    this.lastPayment = null;
    return this.reach('attract');
  }

  /** A step was reached; counted only inside a session and only the first time. */
  reach(step: FunnelStep): FunnelIncrement[] {
    if (!this.active || this.reached.has(step)) return [];
    this.reached.add(step);
    return [{ kind: 'step', step }];
  }

  /** The scan gave no profile (no face, poor quality …); it counts as a decline only if no later scan works. */
  scanRefused(): void {
    if (this.active) this.scanFailed = true;
  }

  /** A payment reached its final phase. */
  payment(outcome: PaymentOutcome): FunnelIncrement[] {
    if (!this.active) return [];
    if (outcome === 'succeeded') return this.reach('paid');
    this.lastPayment = outcome;
    return [];
  }

  /**
   * The session ended: each place it said no counts once. A card declined and then paid with
   * another card is a sale, not a decline; a shopper who leaves after a QR code took the routine
   * to their phone, so idling out after that is not "walked away".
   */
  end(reason: string): FunnelIncrement[] {
    if (!this.active) return [];
    this.active = false;
    const out: DeclineCategory[] = [];
    const has = (step: FunnelStep) => this.reached.has(step);
    if (reason === 'declined_consent' && !has('consent')) out.push('consent');
    if (this.scanFailed && !has('scan_completed')) out.push('scan');
    if (!has('paid') && this.lastPayment) out.push(paymentDecline(this.lastPayment));
    if (reason === 'idle' && !has('paid') && !has('qr_shown')) out.push('walked_away');
    this.reached = new Set();
    return out.map((category) => ({ kind: 'decline', category }));
  }
}

function paymentDecline(outcome: Exclude<PaymentOutcome, 'succeeded'>): DeclineCategory {
  if (outcome === 'declined') return 'card_declined';
  if (outcome === 'canceled') return 'payment_canceled';
  return 'payment_failed';
}

/** A day with every counter at zero (every step and category present, so screens and series are stable). */
export function emptyFunnelDay(day: string): FunnelDay {
  return {
    day,
    steps: Object.fromEntries(FunnelStep.options.map((s) => [s, 0])) as FunnelDay['steps'],
    declines: Object.fromEntries(DeclineCategory.options.map((c) => [c, 0])) as FunnelDay['declines'],
  };
}

/** The day's counters after one increment (a new object; the input is left alone). */
export function applyIncrement(day: FunnelDay, inc: FunnelIncrement): FunnelDay {
  if (inc.kind === 'step') return { ...day, steps: { ...day.steps, [inc.step]: day.steps[inc.step] + 1 } };
  return { ...day, declines: { ...day.declines, [inc.category]: day.declines[inc.category] + 1 } };
}
