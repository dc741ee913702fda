import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { DeltaDocument } from '../../core/catalog/feed-manifest';
import { validateDelta, type ValidatedDelta } from '../../core/catalog/delta-validation';
import { KioskError } from '../../shared/result';

/** A delta unpacking to more than this is refused. */
const MAX_DELTA_JSON_BYTES = 512 * 1024 * 1024;

/**
 * Reads a downloaded (already size- and hash-verified) gzip'd delta: unpacked within a size limit,
 * parsed, shape-checked and validated record by record. Anything unreadable is FEED_MALFORMED.
 */
export async function readDeltaFile(
  file: string,
  name: string,
): Promise<{ doc: DeltaDocument; delta: ValidatedDelta }> {
  let doc: DeltaDocument;
  try {
    doc = DeltaDocument.parse(
      JSON.parse(
        gunzipSync(await readFile(file), { maxOutputLength: MAX_DELTA_JSON_BYTES }).toString('utf8'),
      ),
    );
  } catch (error) {
    throw new KioskError(
      'FEED_MALFORMED',
      `The delta ${name} cannot be read: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  return { doc, delta: validateDelta(doc) };
}
