import { app, crashReporter } from 'electron';
import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import type { Logger } from '../../core/ports/logger-port';
import { crashReporterOptions } from '../../core/fleet/crash-report-policy';

/**
 * Starts Electron's crash reporter when `monitoring.crashReportUrl` is set (off by default): native
 * crashes of main, the kiosk window, GPU and utility processes go to the collector as minidumps
 * annotated with store, kiosk and version only.
 *
 * An uncaught error in main (or a failed start) is reported the same way: main-crash-recovery logs
 * it with its stack frame, records it in the crash history and, once told to, ends the process
 * through Crashpad, so the collector counts it with the same annotations. The service manager (the
 * systemd units in build/linux, Shell Launcher) restarts the kiosk, as it does after any other
 * crash. Returns whether reporting is on.
 */
export function startCrashReporting(config: KioskConfig, logger: Logger): boolean {
  const options = crashReporterOptions(config, app.getVersion(), app.getName());
  if (!options) return false;
  crashReporter.start(options);
  logger.info('crash_reports.on', { collector: new URL(options.submitURL).host });
  return true;
}
