import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteOrderLog } from '../../../../electron/adapters/payments/sqlite-order-log';

const newOrder = (orderId: string) => ({
  orderId,
  totalMinor: 5250,
  currency: 'USD',
  lines: [{ sku: 'SER-002', name: 'Lumen Lab Calm Serum', quantity: 1, unitMinor: 5250 }],
  demo: false,
});

describe('SqliteOrderLog', () => {
  let file: string;
  let log: SqliteOrderLog;

  beforeEach(() => {
    file = path.join(mkdtempSync(path.join(tmpdir(), 'orders-')), 'orders.sqlite');
    log = new SqliteOrderLog(file);
  });
  afterEach(() => log.close());

  it('creates orders in created with the intent creation pending', () => {
    const order = log.create(newOrder('ord_1'));
    expect(order).toMatchObject({
      orderId: 'ord_1',
      status: 'created',
      pending: 'create_intent',
      attempts: 0,
      paymentRef: null,
      demo: false,
    });
    expect(order.lines).toEqual(newOrder('ord_1').lines);
    expect(Date.parse(order.createdAt)).not.toBeNaN();
  });

  it('records transitions and their history', () => {
    log.create(newOrder('ord_2'));
    log.update('ord_2', { status: 'intent_created', paymentRef: 'pi_1', pending: null });
    log.update('ord_2', { status: 'processing', pending: 'process', attempts: 1 });
    const done = log.update('ord_2', {
      status: 'captured',
      pending: null,
      receiptUrl: 'https://r.example/1',
    });
    expect(done).toMatchObject({
      status: 'captured',
      pending: null,
      attempts: 1,
      paymentRef: 'pi_1',
      receiptUrl: 'https://r.example/1',
    });
    expect(log.history('ord_2').map((h) => [h.from, h.to])).toEqual([
      [null, 'created'],
      ['created', 'intent_created'],
      ['intent_created', 'processing'],
      ['processing', 'captured'],
    ]);
  });

  it('refuses transitions the state machine does not allow, changing nothing', () => {
    log.create(newOrder('ord_3'));
    expect(() => log.update('ord_3', { status: 'captured', paymentRef: 'pi_x' })).toThrow(
      /created to captured/,
    );
    expect(log.get('ord_3')).toMatchObject({ status: 'created', paymentRef: null });
  });

  it('never lets two orders share a PaymentIntent', () => {
    log.create(newOrder('ord_a'));
    log.create(newOrder('ord_b'));
    log.update('ord_a', { status: 'intent_created', paymentRef: 'pi_same' });
    expect(() => log.update('ord_b', { status: 'intent_created', paymentRef: 'pi_same' })).toThrow(/UNIQUE/);
  });

  it('lists newest first and finds unfinished orders', () => {
    for (const id of ['o1', 'o2', 'o3', 'o4']) log.create(newOrder(id));
    log.update('o1', { status: 'canceled', pending: null });
    log.update('o2', { status: 'failed', pending: 'cancel' });
    log.update('o3', { status: 'intent_created', pending: null, paymentRef: 'pi_3' });
    expect(log.list(2).map((o) => o.orderId)).toEqual(['o4', 'o3']);
    expect(log.unfinished().map((o) => o.orderId)).toEqual(['o2', 'o3', 'o4']);
  });

  it('survives reopening: WAL, full sync and the schema version are in place', () => {
    log.create(newOrder('ord_p'));
    log.update('ord_p', { status: 'intent_created', paymentRef: 'pi_p', pending: null });
    log.close();
    log = new SqliteOrderLog(file);
    expect(log.get('ord_p')).toMatchObject({ status: 'intent_created', paymentRef: 'pi_p' });
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('returns null for an unknown order and rejects duplicate ids', () => {
    expect(log.get('nope')).toBeNull();
    log.create(newOrder('dup'));
    expect(() => log.create(newOrder('dup'))).toThrow();
    expect(() => log.update('nope', { pending: null })).toThrow(/not found/);
  });
});
