import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SyncReport } from '../../shared/schemas/staff-schemas';
import { writeFileAtomic } from './catalog-files';

/** What the kiosk remembers between syncs; kept beside (not inside) the catalog database. */
export const SyncState = z.object({
  /** ETag of the last manifest applied, and the feed it came from. */
  etag: z.string().nullable(),
  etagSource: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  lastReport: SyncReport.nullable(),
  /** Where the installed catalog came from: the bundled demo, the configured feed, or a file import. */
  origin: z.enum(['demo', 'feed', 'import']).nullable(),
});
export type CatalogOrigin = NonNullable<SyncState['origin']>;
export type SyncState = z.infer<typeof SyncState>;

const EMPTY: SyncState = {
  etag: null,
  etagSource: null,
  lastSyncAt: null,
  lastAttemptAt: null,
  lastError: null,
  consecutiveFailures: 0,
  lastReport: null,
  origin: null,
};

/** A small JSON file written atomically; an unreadable file means "never synced", not a crash. */
export class SyncStateStore {
  private state: SyncState;

  constructor(private readonly file: string) {
    try {
      this.state = SyncState.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      this.state = { ...EMPTY };
    }
  }

  get(): SyncState {
    return this.state;
  }

  update(patch: Partial<SyncState>): SyncState {
    this.state = { ...this.state, ...patch };
    writeFileAtomic(this.file, JSON.stringify(this.state, null, 2));
    return this.state;
  }
}
