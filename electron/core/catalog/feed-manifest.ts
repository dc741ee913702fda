import { z } from 'zod';
import { SKU_PATTERN, type CatalogRecord } from './catalog-record';

/** Feed format this build reads and writes. A manifest with a higher number is refused as malformed. */
export const FEED_FORMAT = 1;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** Paths inside a feed are relative, forward-slashed and never climb out of it. */
const FeedPath = z
  .string()
  .max(512)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._\-/]+$/, 'a relative path inside the feed');

export const FeedFile = z.object({ path: FeedPath, sha256: Sha256Hex, bytes: z.number().int().positive() });
export type FeedFile = z.infer<typeof FeedFile>;

export const RejectedRow = z.object({ sku: z.string().nullable(), reason: z.string().max(500) });
export type RejectedRow = z.infer<typeof RejectedRow>;

/** The signed part of `manifest.json`. */
export const ManifestBody = z.object({
  format: z.number().int().positive(),
  /** `<sequence>.<first 8 hex of the content hash>`, e.g. `12.3fa9c2d1`. */
  version: z.string().regex(/^\d+\.[0-9a-f]{8}$/),
  /** Grows by one per publish; a kiosk refuses a lower sequence from the same key (rollback). */
  sequence: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  /** File name(s) the catalog was published from, for the staff screen. */
  source: z.string().max(200),
  /** Database schema version (`PRAGMA user_version`) the snapshot was built with. */
  schemaVersion: z.number().int().positive(),
  rowCount: z.number().int().nonnegative(),
  /** The whole catalog: a gzip'd SQLite database, named by its own sha256. */
  snapshot: FeedFile,
  /** Changes from earlier versions, gzip'd JSON, each named by its own sha256. */
  deltas: z.array(
    FeedFile.extend({ fromVersion: z.string(), upserts: z.number().int(), removes: z.number().int() }),
  ),
  /** Rows the publisher refused, shown in the kiosk's sync report. */
  rejected: z.array(RejectedRow).max(1000),
});
export type ManifestBody = z.infer<typeof ManifestBody>;
export type DeltaEntry = ManifestBody['deltas'][number];

/** `manifest.json` as served: the body, its Ed25519 signature (base64) and the signing key's id. */
export const SignedManifest = z.object({
  signed: ManifestBody,
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type SignedManifest = z.infer<typeof SignedManifest>;

/**
 * A delta document. Upserts are checked one by one when applied so that one bad record is rejected
 * with its reason and the rest still apply; everything else must be well-formed.
 */
export const DeltaDocument = z.object({
  format: z.number().int().positive(),
  fromVersion: z.string(),
  toVersion: z.string(),
  upserts: z.array(z.unknown()),
  removes: z.array(z.string().regex(SKU_PATTERN)),
});
export type DeltaDocument = z.infer<typeof DeltaDocument>;

/** The delta the publisher writes (upserts already valid records). */
export interface DeltaContent {
  format: number;
  fromVersion: string;
  toVersion: string;
  upserts: CatalogRecord[];
  removes: string[];
}
