import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from '../support/e2e-env';
import { ELECTRON_SKIP_REASON, electronExecutable, ensureAbi } from '../support/electron-binary';

/**
 * Crash reports through Electron's crashReporter (Crashpad) to a Breakpad-compatible collector on
 * loopback: a native crash of main, and an uncaught error in main, each arrive as a minidump upload
 * whose annotations are the store, kiosk and version and nothing about a shopper.
 */
const executable = electronExecutable();
if (!executable) console.log(`Electron crash-report test ${ELECTRON_SKIP_REASON}`);

interface Upload {
  fields: Map<string, string>;
  minidump: Buffer | null;
}

/** A minimal minidump collector: parses each multipart POST (gzip or plain) like Sentry/Socorro do. */
async function startCollector(): Promise<{ url: string; uploads: Upload[]; server: Server }> {
  const uploads: Upload[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      void new Response(body, { headers: { 'content-type': String(req.headers['content-type']) } })
        .formData()
        .then(async (form) => {
          const fields = new Map<string, string>();
          let minidump: Buffer | null = null;
          for (const [name, value] of form.entries()) {
            if (typeof value === 'string') fields.set(name, value);
            else if (name === 'upload_file_minidump') minidump = Buffer.from(await value.arrayBuffer());
          }
          uploads.push({ fields, minidump });
          res.writeHead(200).end('crash-id-1');
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/submit`, uploads, server };
}

test.describe('Electron crash reports', () => {
  test.skip(!executable, ELECTRON_SKIP_REASON);
  test.beforeAll(() => expect(ensureAbi('electron')).toBe(0));
  test.afterAll(() => expect(ensureAbi('node')).toBe(0));

  for (const cause of ['a native crash', 'an uncaught error in main'] as const) {
    test(`${cause} reaches the collector with store, kiosk and version only`, async () => {
      const collector = await startCollector();
      const userData = mkdtempSync(path.join(tmpdir(), 'skinkiosk-crash-'));
      const configFile = path.join(userData, 'kiosk-config.json');
      writeFileSync(
        configFile,
        JSON.stringify({
          storeId: 'store-042',
          kioskId: 'kiosk-2',
          monitoring: { metricsPort: null, crashReportUrl: collector.url },
        }),
      );
      const app = await electron.launch({
        executablePath: executable ?? undefined,
        args: [path.join(repoRoot, 'out/main/index.js'), '--use-fake-device-for-media-stream'],
        env: {
          ...process.env,
          SKINKIOSK_WINDOWED: '1',
          SKINKIOSK_USER_DATA: userData,
          SKINKIOSK_CONFIG: configFile,
        },
      });
      try {
        await app.firstWindow();
        const version = await app.evaluate(({ app: a }) => a.getVersion());
        const closed = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
        if (cause === 'a native crash') void app.evaluate(() => process.crash()).catch(() => undefined);
        else
          void app
            .evaluate(() => {
              setTimeout(() => {
                throw new Error('simulated main-process bug');
              }, 0);
            })
            .catch(() => undefined);
        await closed;
        await expect.poll(() => collector.uploads.length, { timeout: 30_000 }).toBeGreaterThan(0);
        const [upload] = collector.uploads;
        expect(upload?.minidump?.subarray(0, 4).toString('latin1')).toBe('MDMP');
        expect(upload?.fields.get('store')).toBe('store-042');
        expect(upload?.fields.get('kiosk')).toBe('kiosk-2');
        expect(upload?.fields.get('version')).toBe(version);
        const suspicious = [...(upload?.fields.keys() ?? [])].filter((k) =>
          /answer|photo|frame|image|email|card|session|profile|skin/i.test(k),
        );
        expect(suspicious).toEqual([]);
      } finally {
        await app.close().catch(() => undefined);
        collector.server.close();
        rmSync(userData, { recursive: true, force: true });
      }
    });
  }
});
