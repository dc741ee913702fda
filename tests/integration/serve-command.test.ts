import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something could listen on the port now (nothing left holding it). */
async function canBind(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Runs `skinkiosk serve` with these arguments; resolves with its exit code, or 'running' after `waitMs`. */
function serve(args: string[], waitMs: number): Promise<{ code: number | 'running'; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'serve', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'running', stderr });
    }, waitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr });
    });
  });
}

describe('skinkiosk serve refusing to start', () => {
  let dataDir: string;
  let metricsPort: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'serve-refused-'));
    metricsPort = await freePort();
    // Metrics on a known port, so the test can see whether the refused start left it open.
    writeFileSync(
      path.join(dataDir, 'kiosk-config.json'),
      JSON.stringify({ monitoring: { metricsPort, bindAddress: '127.0.0.1' } }),
    );
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits non-zero for a non-loopback --host, having opened nothing', async () => {
    const run = await serve(['--host', '0.0.0.0', '--port', '0', '--data-dir', dataDir], 60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/only loopback is allowed/);
    expect(await canBind(metricsPort)).toBe(true);
  }, 90_000);

  it('exits non-zero when its port is taken, releasing the metrics port and everything else it opened', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const run = await serve(['--port', String(port), '--data-dir', dataDir], 90_000);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
      expect(await canBind(metricsPort)).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);
});
