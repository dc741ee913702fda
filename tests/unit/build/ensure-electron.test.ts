import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, nodeIsRecentEnough } from '../../../build/scripts/ensure-electron.mjs';

const root = path.resolve(__dirname, '../../..');
let tmp: string;
let errors: string[];

/** A repo with the electron npm package, with or without its downloaded binary. */
function fakeRepo(withBinary: boolean): string {
  const pkg = path.join(tmp, 'node_modules/electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(tmp, 'package.json'), '{"name":"r"}');
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  writeFileSync(path.join(pkg, 'install.js'), '');
  if (withBinary) installBinary();
  return tmp;
}

/** What electron's install script leaves behind. */
function installBinary(): void {
  const pkg = path.join(tmp, 'node_modules/electron');
  writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  writeFileSync(path.join(pkg, 'dist/electron'), '');
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ensure-electron-'));
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('ensure-electron', () => {
  it('does nothing when the binary is there', () => {
    const install = vi.fn(() => 0);
    expect(main({ repoRoot: fakeRepo(true), env: {}, nodeVersion: '22.12.0', install })).toBe(0);
    expect(install).not.toHaveBeenCalled();
  });

  it('runs electron’s own install script when the binary is missing', () => {
    const install = vi.fn(() => {
      installBinary();
      return 0;
    });
    expect(main({ repoRoot: fakeRepo(false), env: {}, nodeVersion: '24.1.0', install })).toBe(0);
    expect(install).toHaveBeenCalledWith(path.join(tmp, 'node_modules/electron/install.js'));
  });

  it('fails with a clear message when the download fails', () => {
    expect(main({ repoRoot: fakeRepo(false), env: {}, nodeVersion: '22.12.0', install: () => 1 })).toBe(1);
    expect(errors.join('\n')).toMatch(/could not be downloaded .*npm test/);
  });

  it('does not try to download where downloads are switched off', () => {
    const install = vi.fn(() => 0);
    const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    expect(main({ repoRoot: fakeRepo(false), env, nodeVersion: '22.12.0', install })).toBe(1);
    expect(install).not.toHaveBeenCalled();
    expect(errors.join('\n')).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });

  it('names the Node version Electron’s tooling needs', () => {
    expect(main({ repoRoot: fakeRepo(false), env: {}, nodeVersion: '20.19.0', install: () => 0 })).toBe(1);
    expect(errors.join('\n')).toMatch(/Node >= 22\.12; this is Node 20\.19\.0/);
    expect(nodeIsRecentEnough('22.12.0')).toBe(true);
    expect(nodeIsRecentEnough('22.11.9')).toBe(false);
    expect(nodeIsRecentEnough('23.0.0')).toBe(true);
  });

  it('package.json starts and packages only through it, and states the real Node requirement', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      engines: { node: string };
    };
    for (const script of ['start', 'dist'])
      expect(pkg.scripts[script]).toMatch(/^node build\/scripts\/ensure-electron\.mjs && /);
    expect(pkg.engines.node).toBe('>=22.12');
  });
});
