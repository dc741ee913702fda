import type { FeedFile } from '../../core/catalog/feed-manifest';

export type ManifestFetch = { status: 'not-modified' } | { status: 'ok'; body: Buffer; etag: string | null };

/** Bytes of a product image as served, before it is checked and re-encoded. */
export interface FetchedImage {
  bytes: Buffer;
  contentType: string | null;
}

/**
 * Where a published catalog comes from: an HTTP(S) feed (kiosk sync) or a folder (USB import, the
 * bundled demo). Paths are relative to the feed's base, as the manifest lists them.
 */
export interface FeedSource {
  /** For messages: the URL or folder. */
  readonly label: string;
  /** The manifest, or `not-modified` when it still has the given ETag. */
  fetchManifest(etag: string | null): Promise<ManifestFetch>;
  /** Downloads a file to `dest`, verified against its size and SHA-256. */
  download(file: FeedFile, dest: string, onBytes?: (received: number) => void): Promise<void>;
  /** A product image by its reference: an absolute http(s) URL or a path relative to the feed. */
  fetchImage(ref: string, maxBytes: number): Promise<FetchedImage>;
}

/** Largest `manifest.json` read from any source, over HTTP or from a folder. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Relative image references resolve against the feed; only http(s) and the feed's own folder are allowed. */
export const isAbsoluteHttp = (ref: string): boolean => /^https?:\/\//i.test(ref);
