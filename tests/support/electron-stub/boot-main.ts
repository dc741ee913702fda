import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN_BUNDLE = path.join(repoRoot, 'out/main/index.js');
const REGISTER = path.join(repoRoot, 'tests/support/electron-stub/register-electron-stub.mjs');

export interface StubRecord {
  seq: number;
  kind: string;
  ready: boolean;
  [detail: string]: unknown;
}

export interface BootedMain {
  probe<T = unknown>(msg: Record<string, unknown>): Promise<T>;
  records(): Promise<StubRecord[]>;
  /** Resolves once a record of `kind` exists (or rejects when the process exits first). */
  waitFor(kind: string, timeoutMs?: number): Promise<StubRecord[]>;
  exited: Promise<{ code: number | null; stderr: string }>;
  stderr(): string;
  kill(): Promise<void>;
}

/**
 * Runs the built main bundle under Node with the recording `electron` stub. `env` adds to the
 * process environment; `ELECTRON_STUB_*` variables steer the stub (packaged, keyring, lock).
 */
export function bootMain(env: Record<string, string | undefined>): BootedMain {
  const child: ChildProcess = fork(MAIN_BUNDLE, [], {
    cwd: repoRoot,
    execArgv: ['--import', REGISTER],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.resolve(m.value);
    else p?.reject(new Error(m.error));
  });
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error(`main exited:\n${stderr}`));
    pending.clear();
  });
  const probe = <T>(msg: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || !child.connected)
        return reject(new Error(`main is not running:\n${stderr}`));
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...msg, id });
    });
  const records = () => probe<StubRecord[]>({ cmd: 'records' });
  return {
    probe,
    records,
    async waitFor(kind, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = await records();
        if (all.some((r) => r.kind === kind)) return all;
        if (Date.now() > deadline) throw new Error(`no "${kind}" within ${timeoutMs} ms:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    exited,
    stderr: () => stderr,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
