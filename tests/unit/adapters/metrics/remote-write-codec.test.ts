import { compress } from 'snappyjs';
import { describe, expect, it } from 'vitest';
import {
  compressBody,
  decodeWriteRequest,
  encodeSeries,
  joinCompressed,
} from '../../../../electron/adapters/metrics/remote-write-codec';
import { STALE_NAN, type SeriesSample } from '../../../../electron/core/fleet/remote-write-series';

const series = (value: number, timestampMs: number): SeriesSample[] => [
  {
    labels: [
      { name: '__name__', value: 'skinkiosk_sessions_started_total' },
      { name: 'kiosk', value: 'k1' },
    ],
    value,
    timestampMs,
  },
];

describe('remote-write codec', () => {
  it('round-trips a write request through protobuf and snappy, 64-bit timestamps included', () => {
    const at = Date.UTC(2026, 5, 1, 12, 0, 0, 123);
    const decoded = decodeWriteRequest(compressBody(encodeSeries(series(42.5, at))));
    expect(decoded).toEqual([{ labels: series(0, 0)[0]?.labels, samples: [{ value: 42.5, timestamp: at }] }]);
  });

  it('joins buffered snapshots into one request that keeps their order', () => {
    const body = joinCompressed([1, 2, 3].map((n) => compressBody(encodeSeries(series(n, n * 1000)))));
    const decoded = decodeWriteRequest(body);
    expect(decoded.map((s) => s.samples[0])).toEqual([
      { value: 1, timestamp: 1000 },
      { value: 2, timestamp: 2000 },
      { value: 3, timestamp: 3000 },
    ]);
    const single = compressBody(encodeSeries(series(7, 1)));
    expect(joinCompressed([single])).toBe(single);
  });

  it('writes the staleness NaN bit for bit', () => {
    const bytes = Buffer.from(encodeSeries(series(STALE_NAN, 5)));
    // Sample.value is field 1, wire type 1 (0x09), little-endian 0x7ff0000000000002.
    expect(bytes.includes(Buffer.from('09020000000000f07f', 'hex'))).toBe(true);
  });

  it('refuses malformed bytes and an inflated length with an error, not a hang or a huge allocation', () => {
    expect(() => decodeWriteRequest(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toThrow();
    expect(() => decodeWriteRequest(compress(new Uint8Array([0x0a, 0x7f, 0x01])))).toThrow();
  });
});
