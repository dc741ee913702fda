import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeVerified } from '../../../../electron/adapters/catalog/verified-download';
import { tempDir } from './catalog-test-feed';

async function* chunks(...parts: Array<string | Error>): AsyncIterable<Uint8Array> {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield Buffer.from(part);
  }
}

describe('writeVerified', () => {
  const scratch = tempDir();
  afterAll(() => scratch.cleanup());
  const content = 'hello catalog';
  const file = {
    path: 'snapshots/x.gz',
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
  };
  const dest = (name: string) => path.join(scratch.dir, name);

  it('writes a file whose size and SHA-256 match', async () => {
    const seen: number[] = [];
    await writeVerified(chunks('hello ', 'catalog'), file, dest('ok'), (n) => seen.push(n));
    expect(readFileSync(dest('ok'), 'utf8')).toBe(content);
    expect(seen).toEqual([6, 13]);
  });

  it('refuses truncated, oversized and altered bodies, and reports interrupted ones as unreachable', async () => {
    await expect(writeVerified(chunks('hello '), file, dest('short'))).rejects.toMatchObject({
      code: 'FEED_CHECKSUM_INVALID',
      message: expect.stringMatching(/truncated: 6 of 13/),
    });
    await expect(writeVerified(chunks('hello catalog!!'), file, dest('long'))).rejects.toMatchObject({
      code: 'FEED_CHECKSUM_INVALID',
      message: expect.stringMatching(/larger/),
    });
    await expect(writeVerified(chunks('HELLO catalog'), file, dest('bad'))).rejects.toMatchObject({
      code: 'FEED_CHECKSUM_INVALID',
      message: expect.stringMatching(/SHA-256/),
    });
    await expect(
      writeVerified(chunks('hello', new Error('socket hang up')), file, dest('cut')),
    ).rejects.toMatchObject({
      code: 'FEED_UNREACHABLE',
      message: expect.stringMatching(/interrupted after 5 of 13/),
    });
  });
});
