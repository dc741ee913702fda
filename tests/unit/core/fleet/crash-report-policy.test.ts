import { describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../../../../electron/core/config/kiosk-config-schema';
import { crashReporterOptions } from '../../../../electron/core/fleet/crash-report-policy';

describe('crash report policy', () => {
  it('is off unless a collector is configured', () => {
    expect(crashReporterOptions(KioskConfigSchema.parse({}), '1.2.0')).toBeNull();
  });

  it('uploads to the configured collector with store, kiosk and version as the only annotations', () => {
    const config = KioskConfigSchema.parse({
      storeId: 'store-42',
      kioskId: 'kiosk-2',
      monitoring: { crashReportUrl: 'https://o1.ingest.sentry.io/api/7/minidump/?sentry_key=abc' },
    });
    const options = crashReporterOptions(config, '1.2.0');
    expect(options).toMatchObject({
      submitURL: 'https://o1.ingest.sentry.io/api/7/minidump/?sentry_key=abc',
      uploadToServer: true,
      compress: true,
      ignoreSystemCrashHandler: true,
    });
    expect(options?.globalExtra).toEqual({ store: 'store-42', kiosk: 'kiosk-2', version: '1.2.0' });
    expect(Object.keys(options ?? {})).not.toContain('extra');
  });
});
