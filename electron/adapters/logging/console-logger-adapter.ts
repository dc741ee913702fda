import type { LogFields, Logger } from '../../core/ports/logger-port';
import { redactLogFields, scrubText } from '../../core/fleet/log-redaction';

/**
 * JSON lines on stderr, for the CLI and the preview host (the installed kiosk writes rotated log
 * files instead). stdout stays free for command output such as the preview URL. Lines are redacted
 * exactly as the kiosk's log files are.
 */
export function createConsoleLogger(
  component: string,
  minLevel: 'debug' | 'info' | 'warn' | 'error' = 'info',
): Logger {
  const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  const write = (level: keyof typeof order) => (msg: string, fields?: LogFields) => {
    if (order[level] < order[minLevel]) return;
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level, component, msg: scrubText(msg), ...redactLogFields(fields) })}\n`,
    );
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
