import { describe, expect, it } from 'vitest';
import {
  SessionFunnel,
  applyIncrement,
  emptyFunnelDay,
  type FunnelIncrement,
} from '../../../../electron/core/fleet/store-funnel';

const steps = (incs: FunnelIncrement[]) => incs.flatMap((i) => (i.kind === 'step' ? [i.step] : []));
const declines = (incs: FunnelIncrement[]) => incs.flatMap((i) => (i.kind === 'decline' ? [i.category] : []));

describe('store funnel', () => {
  it('counts a full session once per step, however often a step repeats', () => {
    const f = new SessionFunnel();
    const all: FunnelIncrement[] = [...f.start()];
    for (const step of ['consent', 'scan_completed', 'routine_shown', 'routine_shown'] as const)
      all.push(...f.reach(step));
    all.push(...f.reach('added_to_cart'), ...f.reach('added_to_cart'), ...f.reach('qr_shown'));
    all.push(...f.payment('succeeded'), ...f.payment('succeeded'));
    all.push(...f.end('completed'));
    expect(steps(all)).toEqual([
      'attract',
      'consent',
      'scan_completed',
      'routine_shown',
      'added_to_cart',
      'qr_shown',
      'paid',
    ]);
    expect(declines(all)).toEqual([]);
  });

  it('ignores everything outside a session (staff screens, a late payment event)', () => {
    const f = new SessionFunnel();
    expect(f.reach('consent')).toEqual([]);
    expect(f.payment('succeeded')).toEqual([]);
    expect(f.end('idle')).toEqual([]);
    f.start();
    f.end('completed');
    expect(f.reach('routine_shown')).toEqual([]);
    expect(f.end('completed')).toEqual([]);
  });

  it('a new session starts from nothing', () => {
    const f = new SessionFunnel();
    f.start();
    f.reach('consent');
    f.end('start_over');
    expect(steps(f.start())).toEqual(['attract']);
    expect(steps(f.reach('consent'))).toEqual(['consent']);
  });

  it('names where a session said no', () => {
    const consent = new SessionFunnel();
    consent.start();
    expect(declines(consent.end('declined_consent'))).toEqual(['consent']);

    const scan = new SessionFunnel();
    scan.start();
    scan.reach('consent');
    scan.scanRefused();
    scan.reach('routine_shown');
    scan.payment('declined');
    expect(declines(scan.end('idle'))).toEqual(['scan', 'card_declined', 'walked_away']);

    const canceled = new SessionFunnel();
    canceled.start();
    canceled.payment('canceled');
    expect(declines(canceled.end('start_over'))).toEqual(['payment_canceled']);

    const reader = new SessionFunnel();
    reader.start();
    reader.payment('reader_offline');
    expect(declines(reader.end('completed'))).toEqual(['payment_failed']);
  });

  it('does not call a recovered session a decline', () => {
    const f = new SessionFunnel();
    f.start();
    f.scanRefused();
    f.reach('scan_completed');
    f.payment('declined');
    f.payment('succeeded');
    // Idle after paying or after taking the routine to a phone is a finished visit.
    expect(declines(f.end('idle'))).toEqual([]);

    const qr = new SessionFunnel();
    qr.start();
    qr.reach('qr_shown');
    expect(declines(qr.end('idle'))).toEqual([]);
  });

  it('keeps day counters with every step and category present', () => {
    let day = emptyFunnelDay('2026-03-01');
    expect(Object.values(day.steps).every((n) => n === 0)).toBe(true);
    expect(Object.keys(day.declines)).toHaveLength(6);
    const before = day;
    day = applyIncrement(day, { kind: 'step', step: 'paid' });
    day = applyIncrement(day, { kind: 'decline', category: 'walked_away' });
    expect(day.steps.paid).toBe(1);
    expect(day.declines.walked_away).toBe(1);
    expect(before.steps.paid).toBe(0);
  });
});
