import protobuf from 'protobufjs';
import { compress, uncompress } from 'snappyjs';
import type { SeriesLabel, SeriesSample } from '../../core/fleet/remote-write-series';

/**
 * The Prometheus remote-write 1.0 wire format: a protobuf `prometheus.WriteRequest` compressed with
 * snappy's block format. The messages are the ones from Prometheus's `prompb/remote.proto` and
 * `types.proto` (field numbers unchanged), limited to what the kiosk sends: float samples, no
 * exemplars, native histograms or metadata.
 */
const PROTO = `
syntax = "proto3";
package prometheus;
message WriteRequest { repeated TimeSeries timeseries = 1; }
message TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }
message Label { string name = 1; string value = 2; }
message Sample { double value = 1; int64 timestamp = 2; }
`;

const WriteRequest = protobuf.parse(PROTO).root.lookupType('prometheus.WriteRequest');

/** Headers every request carries (the spec's required set besides authentication). */
export const REMOTE_WRITE_HEADERS = {
  'content-type': 'application/x-protobuf',
  'content-encoding': 'snappy',
  'x-prometheus-remote-write-version': '0.1.0',
} as const;

/** Refuses to inflate a body beyond this (a corrupt or hostile length header). */
const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** One snapshot as an uncompressed protobuf WriteRequest. */
export function encodeSeries(series: readonly SeriesSample[]): Uint8Array {
  return WriteRequest.encode({
    timeseries: series.map((s) => ({
      labels: s.labels,
      samples: [{ value: s.value, timestamp: s.timestampMs }],
    })),
  }).finish();
}

export function compressBody(raw: Uint8Array): Uint8Array {
  return compress(raw);
}

/**
 * One request body from several buffered snapshots, oldest first. Repeated protobuf fields
 * concatenate, so the uncompressed snapshots joined end to end are one WriteRequest whose series
 * keep their time order.
 */
export function joinCompressed(snapshots: readonly Uint8Array[]): Uint8Array {
  if (snapshots.length === 1) return snapshots[0] as Uint8Array;
  const parts = snapshots.map((s) => uncompress(s, MAX_UNCOMPRESSED_BYTES));
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return compress(joined);
}

export interface DecodedSeries {
  labels: SeriesLabel[];
  samples: { value: number; timestamp: number }[];
}

/** Decodes a request body (snappy + protobuf); throws on malformed bytes. Used by receivers in tests and tools. */
export function decodeWriteRequest(body: Uint8Array): DecodedSeries[] {
  const message = WriteRequest.decode(uncompress(body, MAX_UNCOMPRESSED_BYTES));
  const object = WriteRequest.toObject(message, { longs: Number, defaults: true, arrays: true }) as {
    timeseries: DecodedSeries[];
  };
  return object.timeseries;
}
