import { describe, expect, it } from 'vitest';
import {
  STALE_NAN,
  StalenessTracker,
  fleetLabels,
  toRemoteWriteSeries,
} from '../../../../electron/core/fleet/remote-write-series';

const LABELS = fleetLabels({ storeId: 'store-7', kioskId: 'kiosk-2', ring: 'pilot' });

describe('remote-write series', () => {
  it('gives every sample the fleet labels and its name, labels sorted as the spec requires', () => {
    const series = toRemoteWriteSeries(
      [{ name: 'skinkiosk_sessions_ended_total', values: [{ value: 3, labels: { reason: 'idle' } }] }],
      LABELS,
      1_700_000_000_123,
    );
    expect(series).toEqual([
      {
        labels: [
          { name: '__name__', value: 'skinkiosk_sessions_ended_total' },
          { name: 'job', value: 'skin-kiosk' },
          { name: 'kiosk', value: 'kiosk-2' },
          { name: 'reason', value: 'idle' },
          { name: 'ring', value: 'pilot' },
          { name: 'store', value: 'store-7' },
        ],
        value: 3,
        timestampMs: 1_700_000_000_123,
      },
    ]);
  });

  it('names histogram parts and writes le bounds the way the text format does', () => {
    const series = toRemoteWriteSeries(
      [
        {
          name: 'skinkiosk_analysis_duration_seconds',
          values: [
            {
              value: 1,
              labels: { le: 0.25, outcome: 'ok' },
              metricName: 'skinkiosk_analysis_duration_seconds_bucket',
            },
            {
              value: 2,
              labels: { le: '+Inf', outcome: 'ok' },
              metricName: 'skinkiosk_analysis_duration_seconds_bucket',
            },
            { value: 0.4, labels: { outcome: 'ok' }, metricName: 'skinkiosk_analysis_duration_seconds_sum' },
          ],
        },
      ],
      LABELS,
      1,
    );
    const get = (i: number, name: string) => series[i]?.labels.find((l) => l.name === name)?.value;
    expect(get(0, '__name__')).toBe('skinkiosk_analysis_duration_seconds_bucket');
    expect(get(0, 'le')).toBe('0.25');
    expect(get(1, 'le')).toBe('+Inf');
    expect(get(2, '__name__')).toBe('skinkiosk_analysis_duration_seconds_sum');
  });

  it("never lets a fleet label override the metric's own, nor a label named __name__ rename it", () => {
    const series = toRemoteWriteSeries(
      [
        {
          name: 'skinkiosk_app_info',
          values: [
            { value: 1, labels: { store: 'store-7', kiosk: 'kiosk-2', version: '1.2.0', __name__: 'evil' } },
          ],
        },
      ],
      { ...LABELS, version: 'fleet-version' },
      1,
    );
    const labels = Object.fromEntries(series[0]?.labels.map((l) => [l.name, l.value]) ?? []);
    expect(labels).toMatchObject({ __name__: 'skinkiosk_app_info', version: '1.2.0', store: 'store-7' });
    expect(series[0]?.labels.filter((l) => l.name === '__name__')).toHaveLength(1);
  });

  it('skips labels without a value and turns no family into no series', () => {
    expect(toRemoteWriteSeries([], LABELS, 1)).toEqual([]);
    const [s] = toRemoteWriteSeries(
      [{ name: 'x', values: [{ value: 0, labels: { type: undefined } }] }],
      LABELS,
      1,
    );
    expect(s?.labels.map((l) => l.name)).toEqual(['__name__', 'job', 'kiosk', 'ring', 'store']);
  });
});

describe('staleness markers', () => {
  const sample = (provider: string, t: number) =>
    toRemoteWriteSeries(
      [{ name: 'skinkiosk_build_info', values: [{ value: 1, labels: { provider } }] }],
      LABELS,
      t,
    );

  it('ends the series that disappeared since the last snapshot, and only once', () => {
    const tracker = new StalenessTracker();
    expect(tracker.withStaleMarkers(sample('none', 1), 1)).toHaveLength(1);
    const next = tracker.withStaleMarkers(sample('cpu', 2), 2);
    expect(next).toHaveLength(2);
    expect(next[1]?.labels.find((l) => l.name === 'provider')?.value).toBe('none');
    expect(Object.is(next[1]?.value, STALE_NAN)).toBe(true);
    expect(next[1]?.timestampMs).toBe(2);
    expect(tracker.withStaleMarkers(sample('cpu', 3), 3)).toHaveLength(1);
  });

  it('is the exact NaN Prometheus recognises', () => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, STALE_NAN);
    expect([view.getUint32(0), view.getUint32(4)]).toEqual([0x7ff00000, 2]);
  });

  it('ends everything on a clean shutdown', () => {
    const tracker = new StalenessTracker();
    tracker.withStaleMarkers(sample('cpu', 1), 1);
    const end = tracker.endAll(2);
    expect(end).toHaveLength(1);
    expect(end[0]?.timestampMs).toBe(2);
    expect(tracker.endAll(3)).toEqual([]);
  });
});
