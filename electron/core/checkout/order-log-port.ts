import type { OrderStatus, PendingAction } from './order-state-machine';

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitMinor: number;
}

export interface OrderRecord {
  orderId: string;
  status: OrderStatus;
  /** The remote call written down before it was made; null once its outcome is recorded. */
  pending: PendingAction | null;
  totalMinor: number;
  currency: string;
  lines: OrderLine[];
  /** The payment provider's id for this order's card payment. */
  paymentRef: string | null;
  /** Reader attempts so far; each one gets its own idempotency key. */
  attempts: number;
  receiptUrl: string | null;
  lastError: string | null;
  /** Machine-readable reason for `lastError` (decline code or kiosk reason). */
  lastReason: string | null;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewOrder {
  orderId: string;
  totalMinor: number;
  currency: string;
  lines: OrderLine[];
  demo: boolean;
}

export type OrderPatch = Partial<
  Pick<
    OrderRecord,
    'status' | 'pending' | 'paymentRef' | 'attempts' | 'receiptUrl' | 'lastError' | 'lastReason'
  >
>;

/**
 * Port to the durable order log. `update` checks the status transition against the state machine
 * and commits before it returns, so the caller may make the remote call that follows.
 */
export interface OrderLog {
  /** Inserts an order in `created` with `create_intent` pending. */
  create(order: NewOrder): OrderRecord;
  get(orderId: string): OrderRecord | null;
  update(orderId: string, patch: OrderPatch): OrderRecord;
  /** Newest first. */
  list(limit: number): OrderRecord[];
  /** Orders still open or with a remote call whose outcome is not recorded, oldest first. */
  unfinished(): OrderRecord[];
}
