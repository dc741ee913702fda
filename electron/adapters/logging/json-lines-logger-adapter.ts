import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { LogLine } from '../../shared/schemas/staff-schemas';
import type { LogFields, Logger } from '../../core/ports/logger-port';
import { redactLogFields, scrubText, type SafeLogFields } from '../../core/fleet/log-redaction';

type Level = LogLine['level'];
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error'];

export interface JsonLinesLoggerOptions {
  /** Folder for `kiosk.log` and its rotated copies `kiosk.1.log` … */
  dir: string;
  fileName?: string;
  /** Rotate when the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keepFiles?: number;
  /** Lines kept in memory for the staff screen. */
  recentLines?: number;
  minLevel?: Level;
  /** Fields on every line (store, kiosk, version) — ids, never personal data. */
  base?: LogFields;
  /** Also print each line to stdout (development). */
  echo?: boolean;
  now?: () => Date;
}

/**
 * Structured logs as JSON lines with size-based rotation. Writes are synchronous so the line that
 * explains a crash is on disk before the process dies; kiosks log a few lines a minute, so the cost
 * is negligible. Every line goes through log-redaction first.
 */
export class JsonLinesLogger implements Logger {
  private fd: number | null = null;
  private size = 0;
  private readonly recentBuf: LogLine[] = [];
  private readonly file: string;
  private readonly opts: Required<Omit<JsonLinesLoggerOptions, 'base'>> & { base: SafeLogFields };

  constructor(options: JsonLinesLoggerOptions) {
    this.opts = {
      fileName: 'kiosk.log',
      maxBytes: 5 * 1024 * 1024,
      keepFiles: 4,
      recentLines: 500,
      minLevel: 'info',
      echo: false,
      now: () => new Date(),
      ...options,
      base: redactLogFields(options.base),
    };
    mkdirSync(this.opts.dir, { recursive: true });
    this.file = path.join(this.opts.dir, this.opts.fileName);
    this.loadRecentFromDisk();
  }

  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.write('error', msg, fields);
  }

  /** A logger that adds `fields` (e.g. `{ component: 'updater' }`) to every line. */
  child(fields: LogFields): Logger {
    const at = (level: Level) => (msg: string, more?: LogFields) =>
      this.write(level, msg, { ...fields, ...more });
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }

  /** The newest `limit` lines, oldest first, as the staff screen shows them. */
  recent(limit: number): LogLine[] {
    return this.recentBuf.slice(-limit);
  }

  /** Path of the file being written. */
  get filePath(): string {
    return this.file;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private write(level: Level, msg: string, fields?: LogFields): void {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.opts.minLevel)) return;
    const time = this.opts.now().toISOString();
    const safeMsg = scrubText(msg);
    const safeFields = redactLogFields(fields);
    const line = `${JSON.stringify({ time, level, msg: safeMsg, ...this.opts.base, ...safeFields })}\n`;
    const bytes = Buffer.byteLength(line);
    if (this.fd === null) this.open();
    if (this.size > 0 && this.size + bytes > this.opts.maxBytes) this.rotate();
    writeSync(this.fd as number, line);
    this.size += bytes;
    this.remember({ time, level, msg: summarize(safeMsg, safeFields) });
    if (this.opts.echo) process.stdout.write(line);
  }

  private open(): void {
    this.fd = openSync(this.file, 'a', 0o640);
    this.size = fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    const rotated = (n: number) =>
      path.join(this.opts.dir, this.opts.fileName.replace(/(\.log)?$/, `.${n}$1`));
    rmSync(rotated(this.opts.keepFiles), { force: true });
    for (let n = this.opts.keepFiles - 1; n >= 1; n--) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    }
    if (this.opts.keepFiles > 0) renameSync(this.file, rotated(1));
    else rmSync(this.file, { force: true });
    this.open();
  }

  private remember(line: LogLine): void {
    this.recentBuf.push(line);
    if (this.recentBuf.length > this.opts.recentLines)
      this.recentBuf.splice(0, this.recentBuf.length - this.opts.recentLines);
  }

  /** Staff should see what happened before the last restart (often the reason for it). */
  private loadRecentFromDisk(): void {
    if (!existsSync(this.file)) return;
    const size = statSync(this.file).size;
    const length = Math.min(size, 256 * 1024);
    const buf = Buffer.alloc(length);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buf, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    for (const text of buf.toString('utf8').split('\n')) {
      const parsed = parseLine(text, Object.keys(this.opts.base));
      if (parsed) this.remember(parsed);
    }
  }
}

function summarize(msg: string, fields: Readonly<Record<string, unknown>>): string {
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  return extra ? `${msg} ${extra}` : msg;
}

function parseLine(text: string, baseKeys: string[]): LogLine | null {
  if (!text.startsWith('{')) return null;
  try {
    const obj = JSON.parse(text) as Record<string, unknown>;
    const { time, level, msg, ...rest } = obj;
    if (typeof time !== 'string' || typeof msg !== 'string' || !LEVELS.includes(level as Level)) return null;
    const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => !baseKeys.includes(k)));
    return { time, level: level as Level, msg: summarize(msg, fields) };
  } catch {
    return null;
  }
}
