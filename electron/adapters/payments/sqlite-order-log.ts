import Database from 'better-sqlite3';
import type {
  NewOrder,
  OrderLine,
  OrderLog,
  OrderPatch,
  OrderRecord,
} from '../../core/checkout/order-log-port';
import {
  assertTransition,
  type OrderStatus,
  type PendingAction,
} from '../../core/checkout/order-state-machine';

const MIGRATIONS = [
  `CREATE TABLE orders (
     order_id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     pending TEXT,
     total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
     currency TEXT NOT NULL,
     lines_json TEXT NOT NULL,
     payment_intent_id TEXT UNIQUE,
     attempts INTEGER NOT NULL DEFAULT 0,
     receipt_url TEXT,
     last_error TEXT,
     last_reason TEXT,
     demo INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX orders_created ON orders (created_at);
   CREATE INDEX orders_open ON orders (status, pending);
   CREATE TABLE order_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     order_id TEXT NOT NULL REFERENCES orders (order_id),
     from_status TEXT,
     to_status TEXT NOT NULL,
     pending TEXT,
     at TEXT NOT NULL
   );`,
];

interface Row {
  order_id: string;
  status: OrderStatus;
  pending: PendingAction | null;
  total_minor: number;
  currency: string;
  lines_json: string;
  payment_intent_id: string | null;
  attempts: number;
  receipt_url: string | null;
  last_error: string | null;
  last_reason: string | null;
  demo: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS: Record<keyof OrderPatch, keyof Row> = {
  status: 'status',
  pending: 'pending',
  paymentRef: 'payment_intent_id',
  attempts: 'attempts',
  receiptUrl: 'receipt_url',
  lastError: 'last_error',
  lastReason: 'last_reason',
};

/**
 * The order log in SQLite (WAL, `synchronous = FULL`): a write has reached the disk when `create`
 * or `update` returns, so the remote call that follows can never get ahead of the log, even if
 * the machine loses power. Every status change is also appended to `order_events` for audits.
 */
export class SqliteOrderLog implements OrderLog {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  create(order: NewOrder): OrderRecord {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO orders (order_id, status, pending, total_minor, currency, lines_json, demo, created_at, updated_at)
           VALUES (?, 'created', 'create_intent', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          order.orderId,
          order.totalMinor,
          order.currency,
          JSON.stringify(order.lines),
          order.demo ? 1 : 0,
          now,
          now,
        );
      this.event(order.orderId, null, 'created', 'create_intent', now);
    })();
    return this.require(order.orderId);
  }

  get(orderId: string): OrderRecord | null {
    const row = this.db.prepare('SELECT * FROM orders WHERE order_id = ?').get(orderId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  update(orderId: string, patch: OrderPatch): OrderRecord {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const before = this.require(orderId);
      const statusChanges = patch.status !== undefined && patch.status !== before.status;
      if (statusChanges) assertTransition(before.status, patch.status as OrderStatus);
      const sets = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof OrderPatch, unknown][];
      const sql = `UPDATE orders SET ${sets.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')}${sets.length ? ', ' : ''}updated_at = ? WHERE order_id = ?`;
      this.db.prepare(sql).run(...sets.map(([, v]) => v as string | number | null), now, orderId);
      if (statusChanges)
        this.event(orderId, before.status, patch.status as OrderStatus, patch.pending ?? before.pending, now);
    })();
    return this.require(orderId);
  }

  list(limit: number): OrderRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM orders ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as Row[];
    return rows.map(toRecord);
  }

  unfinished(): OrderRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM orders WHERE pending IS NOT NULL OR status IN ('created', 'intent_created', 'processing')
         ORDER BY created_at, rowid`,
      )
      .all() as Row[];
    return rows.map(toRecord);
  }

  /** Status history of one order, oldest first (for staff audits and tests). */
  history(orderId: string): { from: OrderStatus | null; to: OrderStatus; at: string }[] {
    return this.db
      .prepare(
        'SELECT from_status AS "from", to_status AS "to", at FROM order_events WHERE order_id = ? ORDER BY id',
      )
      .all(orderId) as { from: OrderStatus | null; to: OrderStatus; at: string }[];
  }

  close(): void {
    this.db.close();
  }

  private event(
    orderId: string,
    from: OrderStatus | null,
    to: OrderStatus,
    pending: PendingAction | null,
    at: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO order_events (order_id, from_status, to_status, pending, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(orderId, from, to, pending, at);
  }

  private require(orderId: string): OrderRecord {
    const order = this.get(orderId);
    if (!order) throw new Error(`order ${orderId} not found`);
    return order;
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    MIGRATIONS.slice(version).forEach((sql, i) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${version + i + 1}`);
      })();
    });
  }
}

function toRecord(row: Row): OrderRecord {
  return {
    orderId: row.order_id,
    status: row.status,
    pending: row.pending,
    totalMinor: row.total_minor,
    currency: row.currency,
    lines: JSON.parse(row.lines_json) as OrderLine[],
    paymentRef: row.payment_intent_id,
    attempts: row.attempts,
    receiptUrl: row.receipt_url,
    lastError: row.last_error,
    lastReason: row.last_reason,
    demo: row.demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
