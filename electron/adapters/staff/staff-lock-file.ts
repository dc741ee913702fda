import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import type { StaffLockStore, StoredStaffLock } from '../../core/staff/staff-lock-policy';
import { writeFileAtomic } from '../catalog/catalog-files';

/** The file beside the config in the kiosk's data folder. */
export const STAFF_LOCK_FILE_NAME = 'staff-lock.json';

const MAX_BYTES = 4096;
const StoredShape = z
  .object({
    failures: z.number().int().min(0).max(1000),
    lockedUntil: z.iso.datetime().nullable(),
  })
  .strict();

/**
 * Wrong-PIN count and lockout, kept in a small JSON file so that a restart (or pulling the plug)
 * gives nobody fresh guesses. Written atomically (temp file, fsync, rename); read without ever
 * blocking: anything that is not a small regular file of the expected shape — a FIFO, a folder, a
 * truncated or edited file — is `unreadable`, which the staff service treats as a lockout.
 */
export class StaffLockFile implements StaffLockStore {
  constructor(private readonly file: string) {}

  load(): StoredStaffLock | 'unreadable' | null {
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
      fd = openSync(this.file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_BYTES) return 'unreadable';
      const bytes = Buffer.alloc(stat.size);
      const read = readSync(fd, bytes, 0, bytes.length, 0);
      const parsed = StoredShape.safeParse(JSON.parse(bytes.subarray(0, read).toString('utf8')));
      if (!parsed.success) return 'unreadable';
      const { failures, lockedUntil } = parsed.data;
      return { failures, lockedUntilMs: lockedUntil === null ? null : Date.parse(lockedUntil) };
    } catch {
      return 'unreadable';
    } finally {
      closeSync(fd);
    }
  }

  save(lock: StoredStaffLock): void {
    const lockedUntil = lock.lockedUntilMs === null ? null : new Date(lock.lockedUntilMs).toISOString();
    writeFileAtomic(this.file, `${JSON.stringify({ failures: lock.failures, lockedUntil })}\n`);
  }
}
