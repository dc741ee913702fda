import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Relative path → SHA-256 of every regular file under `root`. */
export function snapshotFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && statSync(full).size >= 0)
        files.set(path.relative(root, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return files;
}

/** Files that are new or whose content changed between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
}

/** Files under `root` whose bytes contain `needle`. */
export function filesContaining(root: string, needle: string): string[] {
  const bytes = Buffer.from(needle);
  return [...snapshotFiles(root).keys()].filter((file) =>
    readFileSync(path.join(root, file)).includes(bytes),
  );
}
