import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { FeedFile } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';

/**
 * Writes a downloaded feed file to `dest` while hashing it, and accepts it only when its size and
 * SHA-256 are exactly what the signed manifest says. A body that keeps coming past the promised size
 * is cut off at once. Network failures while reading surface as FEED_UNREACHABLE.
 */
export async function writeVerified(
  chunks: AsyncIterable<Uint8Array>,
  file: FeedFile,
  dest: string,
  onBytes: (received: number) => void = () => {},
): Promise<void> {
  const hash = createHash('sha256');
  const out = createWriteStream(dest);
  let received = 0;
  try {
    for await (const chunk of chunks) {
      received += chunk.length;
      if (received > file.bytes) {
        throw new KioskError(
          'FEED_CHECKSUM_INVALID',
          `${file.path} is larger than the ${file.bytes} bytes the manifest states.`,
        );
      }
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      onBytes(received);
    }
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    if (error instanceof KioskError) throw error;
    throw new KioskError(
      'FEED_UNREACHABLE',
      `Download of ${file.path} was interrupted after ${received} of ${file.bytes} bytes: ${(error as Error).message}`,
    );
  }
  out.end();
  await once(out, 'finish');
  if (received !== file.bytes) {
    throw new KioskError(
      'FEED_CHECKSUM_INVALID',
      `${file.path} is truncated: ${received} of ${file.bytes} bytes.`,
    );
  }
  const digest = hash.digest('hex');
  if (digest !== file.sha256) {
    throw new KioskError(
      'FEED_CHECKSUM_INVALID',
      `${file.path} does not match its SHA-256 in the manifest (got ${digest.slice(0, 12)}…).`,
    );
  }
}
