import { describe, expect, it } from 'vitest';
import { KioskMetrics } from '../../../../electron/adapters/metrics/kiosk-metrics-adapter';
import { silentLogger } from '../../../../electron/core/ports/logger-port';

const NOW = Date.UTC(2026, 0, 10, 12);
const metrics = () =>
  new KioskMetrics({ version: '0.1.0', storeId: 'store-1', kioskId: 'kiosk-1' }, silentLogger, () => NOW);
const line = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));

describe('kiosk metrics', () => {
  it('exposes identity, process memory and the counters', async () => {
    const m = metrics();
    m.sessionStarted();
    m.sessionStarted();
    m.sessionEnded('completed');
    m.sessionEnded('idle');
    m.observeAnalysis(0.31, 'ok');
    m.observeAnalysis(0.05, 'NO_FACE');
    m.rendererGone('crashed');
    const { contentType, body } = await m.expose();
    expect(contentType).toMatch(/^text\/plain/);
    expect(line(body, 'skinkiosk_app_info{')).toBe(
      'skinkiosk_app_info{version="0.1.0",store="store-1",kiosk="kiosk-1"} 1',
    );
    expect(line(body, 'skinkiosk_sessions_started_total')).toBe('skinkiosk_sessions_started_total 2');
    expect(line(body, 'skinkiosk_sessions_ended_total{reason="idle"}')).toBe(
      'skinkiosk_sessions_ended_total{reason="idle"} 1',
    );
    expect(line(body, 'skinkiosk_analysis_duration_seconds_bucket{le="0.5",outcome="ok"}')).toMatch(/ 1$/);
    expect(line(body, 'skinkiosk_analysis_duration_seconds_bucket{le="0.25",outcome="ok"}')).toMatch(/ 0$/);
    expect(line(body, 'skinkiosk_analysis_duration_seconds_count{outcome="NO_FACE"}')).toMatch(/ 1$/);
    expect(line(body, 'skinkiosk_renderer_crashes_total{reason="crashed"}')).toMatch(/ 1$/);
    expect(line(body, 'process_resident_memory_bytes')).toMatch(/^process_resident_memory_bytes \d+/);
  });

  it('counts each payment outcome once per order, however often its state is pushed', async () => {
    const m = metrics();
    for (const phase of ['creating', 'waiting_for_card', 'processing', 'succeeded', 'succeeded'])
      m.paymentState({ orderId: 'o1', phase });
    m.paymentState({ orderId: 'o2', phase: 'declined' });
    m.paymentState({ orderId: 'o3', phase: 'declined' });
    const { body } = await m.expose();
    expect(line(body, 'skinkiosk_payments_total{outcome="succeeded"}')).toMatch(/ 1$/);
    expect(line(body, 'skinkiosk_payments_total{outcome="declined"}')).toMatch(/ 2$/);
    expect(body).not.toContain('outcome="processing"');
  });

  it('still counts once per order after months of orders (no reset that counts an order twice)', async () => {
    const m = metrics();
    for (let i = 1; i <= 10_001; i++) m.paymentState({ orderId: `ord_${i}`, phase: 'succeeded' });
    // The receipt QR follows the plain final state of the same order.
    m.paymentState({ orderId: 'ord_10001', phase: 'succeeded' });
    m.paymentState({ orderId: 'ord_10000', phase: 'succeeded' });
    const { body } = await m.expose();
    expect(line(body, 'skinkiosk_payments_total{outcome="succeeded"}')).toBe(
      'skinkiosk_payments_total{outcome="succeeded"} 10001',
    );
  });

  it('reads provider, catalog, update phase, health and process memory at scrape time', async () => {
    const m = metrics();
    let provider = 'webgpu';
    m.setSources({
      inference: () => ({ executionProvider: provider }),
      catalog: async () => ({ version: '2026.01.10-3', lastSyncAt: new Date(NOW - 90_000).toISOString() }),
      update: () => ({
        channel: 'latest',
        phase: 'downloading',
        availableVersion: '0.2.0',
        progressPercent: 40,
        window: '02:00–05:00',
        lastCheckAt: null,
        lastError: null,
      }),
      health: () => ({ status: 'degraded', reasons: ['camera_missing'], version: '0.1.0', uptimeSec: 5 }),
      processMemory: () => [
        { type: 'Tab', bytes: 100 },
        { type: 'Tab', bytes: 50 },
        { type: 'GPU', bytes: 70 },
      ],
    });
    let { body } = await m.expose();
    expect(line(body, 'skinkiosk_execution_provider_info')).toBe(
      'skinkiosk_execution_provider_info{provider="webgpu"} 1',
    );
    expect(line(body, 'skinkiosk_catalog_info')).toBe('skinkiosk_catalog_info{version="2026.01.10-3"} 1');
    expect(line(body, 'skinkiosk_catalog_sync_age_seconds')).toBe('skinkiosk_catalog_sync_age_seconds 90');
    expect(line(body, 'skinkiosk_update_phase{phase="downloading"}')).toMatch(/ 1$/);
    expect(line(body, 'skinkiosk_update_phase{phase="idle"}')).toMatch(/ 0$/);
    expect(line(body, 'skinkiosk_health_ok')).toBe('skinkiosk_health_ok 0');
    expect(line(body, 'skinkiosk_health_reason{reason="camera_missing"}')).toMatch(/ 1$/);
    // Clear reasons are reported as 0, so a pushed series shows recovery at once instead of going silent.
    expect(line(body, 'skinkiosk_health_reason{reason="needs_setup"}')).toMatch(/ 0$/);
    expect(line(body, 'skinkiosk_process_memory_bytes{type="Tab"}')).toMatch(/ 150$/);
    // A provider change replaces the old series instead of leaving both at 1.
    provider = 'cpu';
    ({ body } = await m.expose());
    expect(body.split('\n').filter((l) => l.startsWith('skinkiosk_execution_provider_info{'))).toEqual([
      'skinkiosk_execution_provider_info{provider="cpu"} 1',
    ]);
  });

  it('exposes the inference worker restart count the analysis service reports', async () => {
    const m = metrics();
    let restarts = 0;
    m.setSources({ inference: () => ({ executionProvider: 'cpu', restarts }) });
    expect(line((await m.expose()).body, 'skinkiosk_inference_worker_restarts')).toBe(
      'skinkiosk_inference_worker_restarts 0',
    );
    restarts = 2;
    expect(line((await m.expose()).body, 'skinkiosk_inference_worker_restarts')).toBe(
      'skinkiosk_inference_worker_restarts 2',
    );
  });

  it('a failing source leaves its gauge empty instead of breaking the scrape', async () => {
    const m = metrics();
    m.setSources({
      catalog: () => {
        throw new Error('database is locked');
      },
    });
    const { body } = await m.expose();
    expect(body).toContain('skinkiosk_sessions_started_total 0');
    expect(line(body, 'skinkiosk_catalog_info{')).toBeUndefined();
  });
});
