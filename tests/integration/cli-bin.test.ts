import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
};
const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('the skinkiosk command', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'skinkiosk-bin-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is declared as a bin: an executable Node script whose loader is a runtime dependency', () => {
    const bin = manifest.bin?.skinkiosk;
    expect(bin).toBeDefined();
    const file = path.join(repoRoot, bin ?? '');
    expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(file, constants.X_OK)).not.toThrow();
    // An installed package has no devDependencies: the TypeScript loader must be a dependency.
    expect(manifest.dependencies?.tsx).toBeDefined();
  });

  it('runs as `npx skinkiosk` from the repository', async () => {
    const { stdout, stderr } = await run('npx', ['--offline', '--yes', 'skinkiosk', 'qr', '--help'], {
      cwd: repoRoot,
      timeout: 90_000,
    });
    expect(`${stdout}${stderr}`).toMatch(/Usage: skinkiosk qr <url>/);
  }, 120_000);

  it('runs from a project that installed the package, in that project’s folder', async () => {
    const project = path.join(scratch, 'store-tools');
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    writeFileSync(
      path.join(project, 'package.json'),
      '{"name":"store-tools","version":"1.0.0","private":true}',
    );
    await run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--install-links=false',
        repoRoot,
      ],
      { cwd: project, timeout: 90_000 },
    );
    const bin = path.join(project, 'node_modules', '.bin', 'skinkiosk');
    await run(bin, ['qr', 'https://shop.example/p/1', '--out', 'code.png'], {
      cwd: project,
      timeout: 90_000,
    });
    expect(readFileSync(path.join(project, 'code.png')).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  }, 180_000);

  it('ships the command and the CLI it runs in the package', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: repoRoot,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const files = new Set(
      (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [],
    );
    for (const file of [
      manifest.bin?.skinkiosk ?? 'bin',
      'electron/cli/index.ts',
      'electron/cli/qr-command.ts',
    ])
      expect(files.has(file), file).toBe(true);
  }, 150_000);
});
