import { CatalogRecord } from './catalog-record';
import type { DeltaDocument, RejectedRow } from './feed-manifest';

/** A delta whose upserts have been checked one by one. */
export interface ValidatedDelta {
  fromVersion: string;
  toVersion: string;
  upserts: CatalogRecord[];
  removes: string[];
  /** Upserts refused, with the first problem found in each. */
  rejected: RejectedRow[];
}

/**
 * Checks every upsert of a (signature- and checksum-verified) delta against the record schema, so
 * that one bad record — say, from a publisher newer than this kiosk — is rejected with its reason
 * and the others still apply. Done before the database is touched.
 */
export function validateDelta(doc: DeltaDocument): ValidatedDelta {
  const upserts: CatalogRecord[] = [];
  const rejected: RejectedRow[] = [];
  for (const raw of doc.upserts) {
    const parsed = CatalogRecord.safeParse(raw);
    if (parsed.success) {
      upserts.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const sku = (raw as { sku?: unknown } | null)?.sku;
    rejected.push({
      sku: typeof sku === 'string' ? sku.slice(0, 64) : null,
      reason: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`.slice(0, 500),
    });
  }
  return { fromVersion: doc.fromVersion, toVersion: doc.toVersion, upserts, removes: doc.removes, rejected };
}
