import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisServices, type AnalysisServices } from '../../../electron/services/analysis-services';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { FleetSourceRegistry } from '../../../electron/adapters/health/fleet-sources';
import { HealthService } from '../../../electron/adapters/health/health-service';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import { KioskError } from '../../../electron/shared/result';
import type { Frame } from '../../../electron/shared/schemas/analysis-schemas';
import { repoRoot, rgba, singleFaces } from './analysis-fixtures';

/** Same name as in tests/support/crashing-inference-worker.ts. */
const CRASH_CHANNEL = 'skin-kiosk-test-inference-crash';
const EXIT_ON_OPEN = 'KIOSK_TEST_WORKER_EXIT_ON_OPEN';

let services: AnalysisServices;
let health: HealthService;
let dataDir: string;
let portrait: Frame;
const channel = new BroadcastChannel(CRASH_CHANNEL);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-supervision-'));
  services = createAnalysisServices(
    KioskConfigSchema.parse({ analysis: { executionProviders: ['cpu'] } }),
    sourceTreePaths(repoRoot, dataDir),
    { emit: () => {} },
    {
      workerEntry: {
        url: new URL('../../support/crashing-inference-worker.ts', import.meta.url),
        source: true,
      },
      restartBackoff: { initialMs: 50, factor: 2, maxMs: 400 },
    },
  );
  const sources = new FleetSourceRegistry(silentLogger);
  sources.set({ inference: () => services.status() });
  health = new HealthService({
    version: 'test',
    needsSetup: false,
    feedConfigured: false,
    sources,
    updateFailures: () => 0,
    logger: silentLogger,
  });
  portrait = await rgba(singleFaces[1]!);
  await services.ready();
});
afterAll(async () => {
  channel.close();
  delete process.env[EXIT_ON_OPEN];
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Arms the live worker to exit when it is asked to run `model`, once it has confirmed. */
function armCrash(model: string): Promise<void> {
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      if ((event as unknown as { data?: { armed?: number } }).data?.armed) resolve();
    };
    channel.postMessage({ crashOn: model });
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(services.status())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KioskError ? e.code : `untyped: ${String(e)}`),
  );

describe('inference worker supervision', () => {
  let before: Awaited<ReturnType<AnalysisServices['analyze']>>;

  it('serves analyses with a running worker and no restarts', async () => {
    before = await services.analyze(portrait, {});
    expect(services.status()).toMatchObject({ worker: 'running', restarts: 0 });
    expect(await health.report()).toMatchObject({
      status: 'ok',
      inference: { worker: 'running', restarts: 0 },
    });
  });

  it('fails the analyses in flight with ANALYSIS_INTERRUPTED when the worker dies, and degrades health', async () => {
    await armCrash('skin-metrics');
    // Two shoppers' frames at once: the one whose skin network kills the worker, and one queued behind it.
    const codes = await Promise.all([
      codeOf(services.analyze(portrait, {})),
      codeOf(services.analyze(portrait, {})),
    ]);
    expect(codes).toContain('ANALYSIS_INTERRUPTED');
    for (const code of codes) expect(['ANALYSIS_INTERRUPTED', 'MODEL_UNAVAILABLE']).toContain(code);
    expect(services.status().worker).not.toBe('running');
    expect(await health.report()).toMatchObject({ status: 'degraded', reasons: ['inference_restarting'] });
  });

  it('restarts the worker by itself, counts the restart, and the next analysis succeeds', async () => {
    await until(() => services.status().worker === 'running', 'the restarted worker');
    expect(services.status()).toMatchObject({
      worker: 'running',
      restarts: 1,
      warm: true,
      executionProvider: 'cpu',
    });
    expect(await health.report()).toMatchObject({ status: 'ok', reasons: [], inference: { restarts: 1 } });
    const after = await services.analyze(portrait, {});
    expect(after.profile.metrics).toEqual(before.profile.metrics);
    expect(after.profile.tone).toEqual(before.profile.tone);
  });

  it('keeps retrying with backoff while restarts fail, refusing scans at once, then recovers', async () => {
    process.env[EXIT_ON_OPEN] = '1';
    channel.postMessage({ exitNow: true });
    await until(() => services.status().worker === 'down', 'a failed restart');
    const started = Date.now();
    expect(await codeOf(services.analyze(portrait, {}))).toBe('MODEL_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await health.report()).toMatchObject({ status: 'degraded', reasons: ['inference_restarting'] });
    // A restart that can succeed again (the fault is gone): the next try brings the worker back.
    delete process.env[EXIT_ON_OPEN];
    await until(() => services.status().worker === 'running', 'recovery after failed restarts');
    expect(services.status().restarts).toBe(2);
    expect((await services.analyze(portrait, {})).profile.metrics).toEqual(before.profile.metrics);
  });

  it('starts nothing more once disposed, even with a restart pending', async () => {
    channel.postMessage({ exitNow: true });
    await until(() => services.status().worker !== 'running', 'the worker to die');
    await services.dispose();
    expect(services.status().worker).toBe('stopped');
    await new Promise((r) => setTimeout(r, 600));
    expect(services.status().worker).toBe('stopped');
    expect(await codeOf(services.analyze(portrait, {}))).toBe('MODEL_UNAVAILABLE');
  });
});
