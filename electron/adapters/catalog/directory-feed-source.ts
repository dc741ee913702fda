import path from 'node:path';
import type { FeedFile } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';
import {
  isAbsoluteHttp,
  MAX_MANIFEST_BYTES,
  type FeedSource,
  type FetchedImage,
  type ManifestFetch,
} from './feed-source';
import { openFeedFolderFile, readAll } from './feed-folder-file';
import { fetchHttpImage } from './http-feed-source';
import { writeVerified } from './verified-download';

/**
 * A published feed in a folder: a USB stick for `catalog import`, or the demo catalog bundled with
 * the app. Same limits as over HTTP — a manifest of at most 4 MiB, files exactly as large as the
 * signed manifest says — and only regular files inside the folder are ever opened.
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
    const file = await openFeedFolderFile(
      this.root,
      path.join(this.root, 'manifest.json'),
      'manifest.json',
    ).catch((error: unknown) => {
      if (error instanceof KioskError && error.code === 'NOT_FOUND')
        throw new KioskError('NOT_FOUND', `No published catalog at ${this.root} (no manifest.json).`);
      throw error;
    });
    try {
      if (file.size > MAX_MANIFEST_BYTES)
        throw new KioskError(
          'FEED_MALFORMED',
          `manifest.json in ${this.root} is ${file.size} bytes; a manifest is at most ${MAX_MANIFEST_BYTES} bytes.`,
        );
      return { status: 'ok', body: await readAll(file), etag: null };
    } finally {
      await file.handle.close();
    }
  }

  async download(file: FeedFile, dest: string, onBytes?: (received: number) => void): Promise<void> {
    const opened = await openFeedFolderFile(this.root, this.inside(file.path), file.path).catch(
      (error: unknown) => {
        if (error instanceof KioskError && error.code === 'NOT_FOUND')
          throw new KioskError(
            'FEED_MALFORMED',
            `${file.path} is listed in the manifest but missing from ${this.root}.`,
          );
        throw error;
      },
    );
    try {
      // The signed manifest says how large the file is; anything else is refused before reading.
      if (opened.size !== file.bytes)
        throw new KioskError(
          'FEED_CHECKSUM_INVALID',
          `${file.path} is ${opened.size} bytes; the manifest states ${file.bytes}.`,
        );
      await writeVerified(opened.handle.createReadStream({ autoClose: false }), file, dest, onBytes);
    } finally {
      await opened.handle.close();
    }
  }

  async fetchImage(ref: string, maxBytes: number): Promise<FetchedImage> {
    if (isAbsoluteHttp(ref)) return fetchHttpImage(new URL(ref), maxBytes, 30_000);
    const opened = await openFeedFolderFile(this.root, this.inside(ref), `Image ${ref}`);
    try {
      if (opened.size > maxBytes)
        throw new KioskError(
          'IMAGE_TOO_LARGE',
          `Image ${ref} is ${opened.size} bytes; the limit is ${maxBytes}.`,
        );
      return { bytes: await readAll(opened), contentType: null };
    } finally {
      await opened.handle.close();
    }
  }

  private inside(relative: string): string {
    const full = path.resolve(this.root, relative);
    if (!full.startsWith(this.root + path.sep))
      throw new KioskError('FEED_MALFORMED', `${relative} points outside the feed folder.`);
    return full;
  }
}
