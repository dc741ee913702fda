import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  locateElectron,
  main,
  readBinaryAbi,
  staleModules,
} from '../../../build/scripts/ensure-native-abi.mjs';

const root = path.resolve(__dirname, '../../..');
let tmp: string;

/** A repo with a fake better-sqlite3 whose binary carries `abi` in its registration symbol. */
function fakeRepo(abi: number | null, electron?: { abi: number; withBinary: boolean }): string {
  const repo = path.join(tmp, `repo-${abi}-${electron?.abi ?? 'none'}`);
  const mod = path.join(repo, 'node_modules/better-sqlite3');
  mkdirSync(path.join(mod, 'build/Release'), { recursive: true });
  writeFileSync(path.join(repo, 'package.json'), '{"name":"r"}');
  writeFileSync(path.join(mod, 'package.json'), '{"name":"better-sqlite3","version":"1.0.0"}');
  if (abi !== null)
    writeFileSync(
      path.join(mod, 'build/Release/better_sqlite3.node'),
      `\x7fELF..node_register_module_v${abi}\0..`,
    );
  if (electron) {
    const pkg = path.join(repo, 'node_modules/electron');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    writeFileSync(path.join(pkg, 'abi_version'), String(electron.abi));
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    if (electron.withBinary) writeFileSync(path.join(pkg, 'dist/electron'), '');
  }
  return repo;
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'abi-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('ensure-native-abi', () => {
  it('reads the ABI the installed better-sqlite3 was built for: Node’s, which is what the tests need', () => {
    expect(
      readBinaryAbi(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
    ).toBe(Number(process.versions.modules));
    expect(readBinaryAbi(path.join(tmp, 'missing.node'))).toBeNull();
  });

  it('lists modules built for another ABI, or with no binary at all', () => {
    expect(staleModules(fakeRepo(115), 115)).toEqual([]);
    expect(staleModules(fakeRepo(140), 115).map((m) => [m.name, m.abi])).toEqual([['better-sqlite3', 140]]);
    expect(staleModules(fakeRepo(null), 115).map((m) => m.abi)).toEqual([null]);
  });

  it('node mode is silent and succeeds when nothing needs doing', async () => {
    const log = vi.spyOn(console, 'log');
    const err = vi.spyOn(console, 'error');
    expect(await main(['node'], fakeRepo(Number(process.versions.modules)))).toBe(0);
    expect(log).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  it('--check reports a mismatch without rebuilding', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['node', '--check'], fakeRepo(140))).toBe(1);
    expect(log.mock.calls.flat().join('\n')).toMatch(/better-sqlite3 has ABI 140; node needs ABI \d+/);
  });

  it('electron mode says clearly that Electron is not installed and fails', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['electron'], fakeRepo(115))).toBe(1);
    expect(await main(['electron'], fakeRepo(115, { abi: 140, withBinary: false }))).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toMatch(/Electron is not installed/);
  });

  it('electron mode targets Electron’s ABI when its binary is there', async () => {
    const repo = fakeRepo(140, { abi: 140, withBinary: true });
    expect(locateElectron(repo)).toMatchObject({ version: '45.4.1', abi: 140 });
    expect(await main(['electron'], repo)).toBe(0);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['electron', '--check'], fakeRepo(115, { abi: 140, withBinary: true }))).toBe(1);
  });

  it('rejects an unknown mode', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['bun'], root)).toBe(2);
  });
});
