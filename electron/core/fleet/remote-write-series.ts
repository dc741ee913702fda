/**
 * Turns one collection of the kiosk's metric registry into remote-write time series: one sample per
 * series, every series carrying the fleet labels (store, kiosk, ring, job). Shapes follow
 * prom-client's `getMetricsAsJSON()`, so the adapter hands its result over unchanged.
 */

/** One metric family as prom-client reports it (histogram values name their `_bucket`/`_sum`/`_count`). */
export interface MetricFamily {
  name: string;
  values: readonly {
    value: number;
    labels: Readonly<Record<string, string | number | undefined>>;
    metricName?: string;
  }[];
}

export interface SeriesLabel {
  name: string;
  value: string;
}

/** A remote-write series with its single sample (timestamp in ms). */
export interface SeriesSample {
  labels: SeriesLabel[];
  value: number;
  timestampMs: number;
}

/** Label names the receiver reserves or that would clash with the series name. */
const RESERVED = new Set(['__name__']);

function labelValue(value: string | number): string {
  if (typeof value === 'string') return value;
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * Series for one snapshot. Labels are sorted by name, as the remote-write spec requires; a fleet
 * label never overrides one the metric already has (the way Prometheus applies external labels).
 */
export function toRemoteWriteSeries(
  families: readonly MetricFamily[],
  fleetLabels: Readonly<Record<string, string>>,
  timestampMs: number,
): SeriesSample[] {
  const out: SeriesSample[] = [];
  for (const family of families) {
    for (const sample of family.values) {
      const labels = new Map<string, string>();
      for (const [name, value] of Object.entries(sample.labels)) {
        if (value === undefined || RESERVED.has(name)) continue;
        labels.set(name, labelValue(value));
      }
      for (const [name, value] of Object.entries(fleetLabels)) {
        if (!labels.has(name)) labels.set(name, value);
      }
      labels.set('__name__', sample.metricName ?? family.name);
      out.push({
        labels: [...labels]
          .map(([name, value]) => ({ name, value }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        value: sample.value,
        timestampMs,
      });
    }
  }
  return out;
}

/** The labels every pushed series carries, from the kiosk's identity and rollout ring. */
export function fleetLabels(identity: {
  storeId: string;
  kioskId: string;
  ring: string;
}): Record<string, string> {
  return { job: 'skin-kiosk', store: identity.storeId, kiosk: identity.kioskId, ring: identity.ring };
}

/**
 * Prometheus's staleness marker: a NaN with this exact bit pattern tells the receiver a series has
 * ended, as a scrape would when a series disappears. Without it a series whose labels changed (the
 * provider after the models load, a new catalog version) would show twice for the 5-minute lookback.
 */
export const STALE_NAN = (() => {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, 0x7ff00000);
  view.setUint32(4, 0x00000002);
  return view.getFloat64(0);
})();

const seriesKey = (labels: readonly SeriesLabel[]) =>
  labels.map((l) => `${l.name}\u0000${l.value}`).join('\u0001');

/** Remembers the series of the last snapshot so vanished ones can be ended with a staleness marker. */
export class StalenessTracker {
  private previous = new Map<string, SeriesLabel[]>();

  /** The snapshot plus a staleness marker for each series the previous snapshot had and this one lacks. */
  withStaleMarkers(series: SeriesSample[], timestampMs: number): SeriesSample[] {
    const current = new Map(series.map((s) => [seriesKey(s.labels), s.labels]));
    const out = [...series];
    for (const [key, labels] of this.previous) {
      if (!current.has(key)) out.push({ labels, value: STALE_NAN, timestampMs });
    }
    this.previous = current;
    return out;
  }

  /** Ends every series last sent (a clean shutdown), one millisecond after their last sample. */
  endAll(timestampMs: number): SeriesSample[] {
    const out = [...this.previous.values()].map((labels) => ({ labels, value: STALE_NAN, timestampMs }));
    this.previous = new Map();
    return out;
  }
}
