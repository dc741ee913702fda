import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const DB_NAME = /^catalog-[A-Za-z0-9.]+-[0-9a-f]{8}\.sqlite$/;
const POINTER = 'current.json';

/** Writes a file so that readers see the old or the new content, never a mix, even after a crash. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, data);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Makes a rename durable. Not every platform lets a directory be opened (Windows); that is fine. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directory fsync is unsupported here; the rename itself is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The catalog folder: each installed snapshot is its own database file, and `current.json` names the
 * one in use. Installing a snapshot builds a new file beside the old one and then rewrites the
 * pointer atomically, so a crash at any moment leaves either the old or the new catalog in use —
 * never a half-written one. Deltas apply inside the current file in one SQLite transaction.
 */
export class CatalogFiles {
  readonly dir: string;
  readonly tmpDir: string;
  readonly imagesDir: string;

  constructor(root: string) {
    this.dir = root;
    this.tmpDir = path.join(root, 'tmp');
    this.imagesDir = path.join(root, 'images');
    for (const dir of [this.dir, this.tmpDir, this.imagesDir]) mkdirSync(dir, { recursive: true });
  }

  /** The database in use, or null when none was ever installed (or the pointer is unreadable). */
  current(): string | null {
    try {
      const { file } = JSON.parse(readFileSync(path.join(this.dir, POINTER), 'utf8')) as { file?: unknown };
      return typeof file === 'string' && DB_NAME.test(file) ? path.join(this.dir, file) : null;
    } catch {
      return null;
    }
  }

  /** A fresh database file name for a version; nothing points at it until `promote`. */
  newDatabasePath(version: string): string {
    const safe = version.replace(/[^A-Za-z0-9.]/g, '');
    return path.join(this.dir, `catalog-${safe || 'x'}-${randomBytes(4).toString('hex')}.sqlite`);
  }

  /** A scratch file path for downloads and builds, removed by `cleanup`. */
  tmpPath(suffix: string): string {
    return path.join(this.tmpDir, `${Date.now()}-${randomBytes(4).toString('hex')}${suffix}`);
  }

  /** Points the kiosk at a complete, closed database file. */
  promote(file: string): void {
    if (path.dirname(file) !== this.dir || !DB_NAME.test(path.basename(file)))
      throw new Error(`not a catalog file: ${file}`);
    writeFileAtomic(path.join(this.dir, POINTER), JSON.stringify({ file: path.basename(file) }));
  }

  /**
   * Deletes databases nothing points at (left by a crash mid-install, or replaced) and scratch files.
   * `keep` protects a file another handle still has open.
   */
  cleanup(keep: readonly string[] = []): void {
    const current = this.current();
    const protectedNames = new Set(
      [current, ...keep].filter((f): f is string => f !== null).map((f) => path.basename(f)),
    );
    for (const name of readdirSync(this.dir)) {
      const base = name.replace(/-(wal|shm|journal)$/, '');
      if (/^catalog-.*\.sqlite(\.partial)?$/.test(base) && !protectedNames.has(base))
        rmSync(path.join(this.dir, name), { force: true });
    }
    for (const name of readdirSync(this.tmpDir))
      rmSync(path.join(this.tmpDir, name), { force: true, recursive: true });
  }
}
