import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Debian's Prometheus (`apt-get install prometheus`); `.ci/run` installs it. */
const PROMETHEUS_BIN = process.env.SKINKIOSK_PROMETHEUS ?? '/usr/bin/prometheus';

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real Prometheus on loopback with its remote-write receiver on, storing in `dir`. It scrapes
 * nothing: every series comes from the kiosks' pushes. Stop and start it again on the same port
 * and storage to simulate a receiver outage.
 */
export class PrometheusServer {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(dir: string, extraConfig = ''): Promise<PrometheusServer> {
    if (!existsSync(PROMETHEUS_BIN))
      throw new Error(`${PROMETHEUS_BIN} is missing: apt-get install prometheus`);
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    writeFileSync(path.join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1m\n${extraConfig}`);
    const server = new PrometheusServer(dir, await freePort());
    await server.resume();
    return server;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get writeUrl(): string {
    return `${this.base}/api/v1/write`;
  }

  /** Starts the process (again) and waits until it answers /-/ready. */
  async resume(): Promise<void> {
    this.output = '';
    const child = spawn(
      PROMETHEUS_BIN,
      [
        `--config.file=${path.join(this.dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(this.dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${this.port}`,
        '--web.enable-remote-write-receiver',
        '--storage.tsdb.retention.time=1d',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`prometheus exited: ${this.output}`);
      const ready = await fetch(`${this.base}/-/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`prometheus did not become ready: ${this.output}`);
  }

  /** Stops the process (SIGTERM, so the head is kept in the WAL like a clean service stop). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** An instant PromQL query; throws with Prometheus's error text when the query is invalid. */
  async query(promql: string, atSec?: number): Promise<PromSample[]> {
    const params = new URLSearchParams({ query: promql });
    if (atSec !== undefined) params.set('time', String(atSec));
    const res = await fetch(`${this.base}/api/v1/query?${params}`);
    const body = (await res.json()) as {
      status: string;
      error?: string;
      data?: { resultType: string; result: PromSample[] | [number, string] };
    };
    if (body.status !== 'success') throw new Error(`${promql}: ${body.error ?? res.status}`);
    const data = body.data as { resultType: string; result: PromSample[] | [number, string] };
    if (data.resultType === 'scalar') return [{ metric: {}, value: data.result as [number, string] }];
    return data.result as PromSample[];
  }

  /** The single value of a query that must return exactly one series. */
  async value(promql: string, atSec?: number): Promise<number> {
    const result = await this.query(promql, atSec);
    if (result.length !== 1) throw new Error(`${promql}: expected 1 series, got ${result.length}`);
    return Number((result[0] as PromSample).value[1]);
  }

  /** The running process's id (for CPU accounting in the fleet bench). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get log(): string {
    return this.output;
  }
}
