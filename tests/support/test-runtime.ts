import path from 'node:path';
import { KioskConfigSchema } from '../../electron/core/config/kiosk-config-schema';
import { sourceTreePaths } from '../../electron/services/kiosk-paths';
import {
  createKioskRuntime,
  type KioskRuntime,
  type KioskRuntimeOptions,
} from '../../electron/services/kiosk-runtime';

/**
 * The whole kiosk as tests run it: the demo (no config file) over the repository's models and
 * resources and a data folder of the test's own, with nothing on a timer or a port of its own (no
 * /metrics server, no scheduled catalog sync, no display to keep awake, no Stripe key). A test
 * overrides what it is about.
 */
export function startTestRuntime(
  dataDir: string,
  overrides: Partial<KioskRuntimeOptions> = {},
): Promise<KioskRuntime> {
  return createKioskRuntime({
    config: KioskConfigSchema.parse({}),
    needsSetup: null,
    configFound: false,
    paths: sourceTreePaths(path.resolve(import.meta.dirname, '../..'), dataDir),
    version: 'test',
    keepAwake: { hold() {}, release() {} },
    paymentApiKey: null,
    serveMetrics: false,
    scheduleCatalogSync: false,
    ...overrides,
  });
}
