import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FeedFile } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';
import { isAbsoluteHttp, type FeedSource, type FetchedImage, type ManifestFetch } from './feed-source';
import { fetchHttpImage } from './http-feed-source';
import { writeVerified } from './verified-download';

/**
 * A published feed in a folder: a USB stick for `catalog import`, or the demo catalog bundled with
 * the app. Same checks as over HTTP; files outside the folder are never read.
 */
export class DirectoryFeedSource implements FeedSource {
  readonly label: string;
  private readonly root: string;

  /** `location` is the feed folder or its `manifest.json`. */
  constructor(location: string) {
    this.root = path.resolve(path.basename(location) === 'manifest.json' ? path.dirname(location) : location);
    this.label = this.root;
  }

  async fetchManifest(): Promise<ManifestFetch> {
    try {
      return { status: 'ok', body: await readFile(path.join(this.root, 'manifest.json')), etag: null };
    } catch (error) {
      throw new KioskError(
        'NOT_FOUND',
        `No published catalog at ${this.root} (manifest.json: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      );
    }
  }

  async download(file: FeedFile, dest: string, onBytes?: (received: number) => void): Promise<void> {
    const source = this.inside(file.path);
    try {
      await stat(source);
    } catch {
      throw new KioskError(
        'FEED_MALFORMED',
        `${file.path} is listed in the manifest but missing from ${this.root}.`,
      );
    }
    await writeVerified(createReadStream(source), file, dest, onBytes);
  }

  async fetchImage(ref: string, maxBytes: number): Promise<FetchedImage> {
    if (isAbsoluteHttp(ref)) return fetchHttpImage(new URL(ref), maxBytes, 30_000);
    const file = this.inside(ref);
    const handle = await open(file, 'r').catch(() => {
      throw new KioskError('NOT_FOUND', `Image ${ref} is missing from ${this.root}.`);
    });
    try {
      const { size } = await handle.stat();
      if (size > maxBytes)
        throw new KioskError('IMAGE_TOO_LARGE', `Image ${ref} is ${size} bytes; the limit is ${maxBytes}.`);
      return { bytes: await handle.readFile(), contentType: null };
    } finally {
      await handle.close();
    }
  }

  private inside(relative: string): string {
    const full = path.resolve(this.root, relative);
    if (!full.startsWith(this.root + path.sep))
      throw new KioskError('FEED_MALFORMED', `${relative} points outside the feed folder.`);
    return full;
  }
}
