import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
  string,
  Record<string, string> | undefined
>;
const declared = new Set(
  ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].flatMap((k) =>
    Object.keys(manifest[k] ?? {}),
  ),
);

/**
 * Files a package publishes for others to read that are not code entry points: electron-builder's
 * configuration schema (what its own validation and editors use).
 */
const PUBLISHED_FILES = new Set(['app-builder-lib/scheme.json']);

/** Every source file in the repository (tracked or new), as the build and the tests see them. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((f) => /\.(ts|mts|cts|js|mjs|cjs|svelte)$/.test(f) && !f.startsWith('resources/'));
}

/** Module specifiers in static imports/exports, dynamic imports, require() and require.resolve(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bcreateRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

const builtins = new Set(builtinModules);
const isBare = (spec: string) =>
  !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:') && !builtins.has(spec);

function split(spec: string): { name: string; subpath: string } {
  const parts = spec.split('/');
  const count = spec.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, count).join('/'), subpath: parts.slice(count).join('/') };
}

/** Whether `subpath` of the package is part of its public surface. */
function publicSubpath(name: string, subpath: string): boolean {
  if (!subpath || subpath === 'package.json' || PUBLISHED_FILES.has(`${name}/${subpath}`)) return true;
  // Read from disk: a package with an exports map may not export its own package.json.
  const pkg = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    exports?: unknown;
    bin?: string | Record<string, string>;
  };
  if (pkg.exports && typeof pkg.exports === 'object' && !Array.isArray(pkg.exports)) {
    const keys = Object.keys(pkg.exports);
    return keys.some((key) => {
      const wanted = `./${subpath}`;
      if (!key.includes('*')) return key === wanted;
      const [head = '', tail = ''] = key.split('*');
      return wanted.startsWith(head) && wanted.endsWith(tail);
    });
  }
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  return bins.some((bin) => path.posix.normalize(bin) === path.posix.normalize(subpath));
}

describe('package imports', () => {
  const imports = sourceFiles().flatMap((file) =>
    specifiers(readFileSync(path.join(root, file), 'utf8'))
      .filter(isBare)
      .map((spec) => ({ file, spec, ...split(spec) })),
  );

  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.map((i) => i.name)).toEqual(expect.arrayContaining(['zod', 'better-sqlite3', 'vitest']));
  });

  it('declares every package the code imports in package.json', () => {
    const undeclared = imports.filter((i) => !declared.has(i.name)).map((i) => `${i.file}: ${i.spec}`);
    expect(undeclared).toEqual([]);
  });

  it('imports no private path of a package (only its exports, bin or published files)', () => {
    const deep = imports
      .filter((i) => declared.has(i.name) && !publicSubpath(i.name, i.subpath))
      .map((i) => `${i.file}: ${i.spec}`);
    expect(deep).toEqual([]);
  });
});
