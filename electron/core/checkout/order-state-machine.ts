import { KioskError } from '../../shared/result';

/**
 * The life of an order in the order log. Every transition is written before the remote call it
 * leads to, so after a crash the log says what may have happened at Stripe and the reconciler can
 * find out. A declined card sends a processing order back to `intent_created`: the same
 * PaymentIntent is offered to the reader again, never a new one.
 */
export type OrderStatus =
  'created' | 'intent_created' | 'processing' | 'captured' | 'failed' | 'canceled' | 'refunded';

/** The remote call an order is about to make (or was making when the process stopped). */
export type PendingAction = 'create_intent' | 'process' | 'capture' | 'cancel' | 'refund';

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['intent_created', 'canceled', 'failed'],
  intent_created: ['processing', 'canceled', 'failed'],
  processing: ['intent_created', 'captured', 'canceled', 'failed'],
  captured: ['refunded'],
  failed: [],
  canceled: [],
  refunded: [],
};

const TERMINAL_STATUSES: readonly OrderStatus[] = ['captured', 'failed', 'canceled', 'refunded'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws INTERNAL for a transition the machine does not allow (a bug, never a shopper error). */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new KioskError('INTERNAL', `Order cannot go from ${from} to ${to}.`);
}

/** The path from one status to another through allowed transitions (used by the reconciler). */
export function pathTo(from: OrderStatus, to: OrderStatus): OrderStatus[] {
  if (from === to) return [];
  const queue: OrderStatus[][] = [[from]];
  const seen = new Set<OrderStatus>([from]);
  while (queue.length) {
    const path = queue.shift() as OrderStatus[];
    const last = path[path.length - 1] as OrderStatus;
    for (const next of TRANSITIONS[last]) {
      if (next === to) return [...path.slice(1), next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  throw new KioskError('INTERNAL', `No path from ${from} to ${to}.`);
}

/** Unfinished: still open, or a terminal order whose last remote call may not have landed. */
export const isUnfinished = (status: OrderStatus, pending: PendingAction | null): boolean =>
  pending !== null || !TERMINAL_STATUSES.includes(status);
