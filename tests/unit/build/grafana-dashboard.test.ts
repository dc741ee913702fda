import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../../electron/services/event-hub';
import { createFleetServices, type FleetServices } from '../../../electron/services/fleet-services';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import { KioskConfigSchema } from '../../../electron/core/config/kiosk-config-schema';
import {
  dashboardPanels,
  dashboardQueries,
  selectedMetrics,
  type Dashboard,
} from '../../support/grafana-dashboard';

const root = path.resolve(import.meta.dirname, '../../..');
const dashboard = JSON.parse(
  readFileSync(path.join(root, 'build/grafana/skin-kiosk-fleet.json'), 'utf8'),
) as Dashboard & { __inputs: { name: string }[]; uid: string };

let dir: string;
let fleet: FleetServices;
/** Every series name a kiosk exports (histograms as their _bucket/_sum/_count series). */
let exported: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-dashboard-'));
  fleet = await createFleetServices(
    KioskConfigSchema.parse({
      monitoring: { metricsPort: null, remoteWrite: { url: 'http://127.0.0.1:9/api/v1/write' } },
    }),
    sourceTreePaths(root, dir),
    new EventHub(),
    { version: '0.1.0', needsSetup: null },
  );
  const families = await fleet.metrics.registry.getMetricsAsJSON();
  exported = new Set(
    families.flatMap((f) =>
      String(f.type) === 'histogram' ? [`${f.name}_bucket`, `${f.name}_sum`, `${f.name}_count`] : [f.name],
    ),
  );
});
afterAll(async () => {
  await fleet.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('fleet dashboard (build/grafana/skin-kiosk-fleet.json)', () => {
  it('queries only metrics the kiosk exports', () => {
    const queried = new Set(dashboardQueries(dashboard).flatMap(({ expr }) => selectedMetrics(expr)));
    expect(queried.size).toBeGreaterThan(15);
    expect([...queried].filter((m) => !exported.has(m))).toEqual([]);
  });

  it('filters every selector by the store and ring variables it defines', () => {
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'store', 'ring']);
    for (const { title, expr } of dashboardQueries(dashboard)) {
      const selectors = [...expr.matchAll(/[a-zA-Z_:][\w:]*\s*\{([^}]*)\}/g)].map((m) => m[1] ?? '');
      expect(selectors.length, title).toBeGreaterThan(0);
      for (const s of selectors) {
        expect(s, title).toContain('store=~"$store"');
        expect(s, title).toContain('ring=~"$ring"');
      }
    }
  });

  it('covers what IT asked for, each panel on the chosen data source', () => {
    const panels = dashboardPanels(dashboard).filter((p) => p.type !== 'row');
    const titles = panels.map((p) => p.title);
    for (const t of [
      'Kiosks up',
      'Kiosks down',
      'Kiosks up and down by store',
      'Versions by ring',
      'Execution provider',
      'Analysis time p50 / p95',
      'Funnel',
      'Where sessions stopped',
      'Payment outcomes',
      'Catalog age by store',
    ])
      expect(titles).toContain(t);
    for (const p of panels)
      expect((p as { datasource?: { uid: string } }).datasource?.uid, p.title).toBe('${datasource}');
    expect(new Set(dashboardPanels(dashboard).map((p) => (p as { id?: number }).id)).size).toBe(
      dashboardPanels(dashboard).length,
    );
    expect(dashboard.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS']);
    expect(dashboard.uid).toBe('skin-kiosk-fleet');
  });
});
