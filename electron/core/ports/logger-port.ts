/**
 * Structured fields on a log line; values may nest. Never put images, answers, card data or other
 * personal data here: every line is redacted before it is written (core/fleet/log-redaction.ts),
 * but that is the last line of defence, not the plan.
 */
export type LogFields = Readonly<Record<string, unknown>>;

/** The logging port every layer writes to; adapters decide where lines go (JSON lines, console, tests). */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** A logger that drops everything, for tests and tools that print their own output. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
