import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { KioskError } from '../../shared/result';

/**
 * Opening a name on a USB stick is not harmless: a FIFO blocks `open()` until someone writes to it
 * (holding one of libuv's four file threads, and with it every later sync), a device node reads
 * forever, and a symbolic link can point anywhere on the machine. Feed files are therefore opened
 * without blocking and without following a final link, and only a regular file inside the feed
 * folder (after resolving any linked parent folder) is read.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export interface FeedFolderFile {
  handle: FileHandle;
  size: number;
}

/** `full` must already be lexically inside `root`; `name` is how messages refer to the file. */
export async function openFeedFolderFile(root: string, full: string, name: string): Promise<FeedFolderFile> {
  let handle: FileHandle;
  try {
    handle = await open(full, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new KioskError('NOT_FOUND', `${name} is missing from ${root}.`);
    if (code === 'ELOOP')
      throw new KioskError('FEED_MALFORMED', `${name} in ${root} is a link; only regular files are read.`);
    throw new KioskError('FEED_MALFORMED', `${name} in ${root} cannot be opened (${code}).`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new KioskError(
        'FEED_MALFORMED',
        `${name} in ${root} is not a regular file; only regular files are read.`,
      );
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(full)]);
    if (!realFile.startsWith(realRoot + path.sep))
      throw new KioskError('FEED_MALFORMED', `${name} points outside the feed folder.`);
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads the whole (regular, already size-checked) file behind `handle`, never more than `size` bytes. */
export async function readAll({ handle, size }: FeedFolderFile): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
