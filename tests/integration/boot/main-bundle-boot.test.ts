/**
 * Boots the BUILT main bundle (out/main/index.js, exactly what Electron would load) under plain
 * Node, with a recording stub in place of the `electron` module. What this proves: the bundle links
 * (every named import of a CommonJS package resolves under Node's ESM loader), the composition root
 * runs to `loadURL('app://kiosk/index.html')` with real adapters (SQLite, the ONNX worker, the
 * payment emulator), Electron's ordering rules hold (the stub throws where Electron throws), the
 * handlers main installs behave, and a failed start ends the process. What it cannot prove:
 * anything Chromium does (rendering, the sandbox, CSP enforcement, real key events, menus, GPU);
 * those are covered by the Electron smoke test where a binary exists and by the manual checks in
 * docs/operations.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bootMain, type BootedMain, type StubRecord } from '../../support/electron-stub/boot-main';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const running: BootedMain[] = [];
const dirs: string[] = [];

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'skinkiosk-boot-'));
  dirs.push(dir);
  return dir;
}

function boot(env: Record<string, string | undefined> = {}, dir = dataDir()): BootedMain {
  const main = bootMain({
    SKINKIOSK_USER_DATA: dir,
    ELECTRON_RENDERER_URL: undefined,
    SKINKIOSK_WINDOWED: undefined,
    SKINKIOSK_CONFIG: undefined,
    INVOCATION_ID: undefined,
    ...env,
  });
  running.push(main);
  return main;
}

const first = (records: StubRecord[], kind: string) => records.find((r) => r.kind === kind);
const all = (records: StubRecord[], kind: string) => records.filter((r) => r.kind === kind);

beforeAll(() => {
  // Build exactly what Electron would load; the test then runs that file, not the sources.
  const built = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
}, 180_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.kill()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the built main bundle under a recording electron stub', () => {
  it('links and boots to app://kiosk/index.html, in Electron’s order, on one session', async () => {
    const main = boot();
    const records = await main.waitFor('webContents.loadURL');

    expect(first(records, 'webContents.loadURL')?.url).toBe('app://kiosk/index.html');
    const ready = first(records, 'ready')!;
    const schemes = first(records, 'protocol.registerSchemesAsPrivileged')!;
    expect(schemes.ready).toBe(false);
    expect(schemes.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    // No default menu (Alt would show File ▸ Quit), set before any window exists.
    const menu = first(records, 'Menu.setApplicationMenu')!;
    const window = first(records, 'BrowserWindow')!;
    expect(menu.menu).toBeNull();
    expect(menu.seq).toBeLessThan(window.seq);

    // Protocol, permission handlers and the CSP-bearing handler live on the session the window uses.
    const handle = first(records, 'protocol.handle')!;
    const request = first(records, 'session.setPermissionRequestHandler')!;
    const check = first(records, 'session.setPermissionCheckHandler')!;
    for (const r of [handle, request, check]) {
      expect(r.ready).toBe(true);
      expect(r.seq).toBeGreaterThan(ready.seq);
      expect(r.seq).toBeLessThan(window.seq);
      expect(r.session).toBe(window.session);
    }
    const options = window.options as { kiosk: boolean; webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      session: 'default',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(options.kiosk).toBe(false);
    expect(all(records, 'ipcMain.handle').length).toBeGreaterThan(20);
  });

  it('serves files under app:// with the CSP, and nothing else', async () => {
    const main = boot();
    await main.waitFor('webContents.loadURL');
    const get = (url: string) =>
      main.probe<{ status: number; csp: string | null; head: string }>({ cmd: 'protocol', url });

    const index = await get('app://kiosk/index.html');
    expect(index.status).toBe(200);
    expect(index.csp).toContain("default-src 'self'");
    expect(index.head.toLowerCase()).toContain('<!doctype html>');
    expect((await get('app://kiosk/')).status).toBe(200);
    // A directory is not a file; a broken % escape is a bad request, not a crash.
    expect(await get('app://kiosk/assets')).toMatchObject({ status: 404, csp: expect.any(String) });
    expect((await get('app://kiosk/%E0%A4%A')).status).toBe(400);
    expect((await get('app://kiosk/../package.json')).status).toBe(404);
    expect((await get('app://kiosk/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('grants the camera to the app origin as Electron reports it (with a trailing slash), nothing else', async () => {
    const main = boot();
    await main.waitFor('webContents.loadURL');
    const check = (permission: string, origin: string, details: Record<string, unknown> = {}) =>
      main.probe<boolean>({ cmd: 'permission-check', permission, origin, details });
    expect(await check('media', 'app://kiosk/', { mediaType: 'video' })).toBe(true);
    expect(await check('media', 'app://kiosk/')).toBe(true);
    expect(await check('media', 'app://kiosk/', { mediaType: 'audio' })).toBe(false);
    expect(await check('media', 'https://evil.example/', { mediaType: 'video' })).toBe(false);
    expect(await check('notifications', 'app://kiosk/')).toBe(false);
    const ask = (permission: string, details: Record<string, unknown>) =>
      main.probe<boolean>({ cmd: 'permission-request', permission, details });
    expect(await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['video'] })).toBe(true);
    expect(await ask('media', { requestingUrl: 'app://kiosk/index.html', mediaTypes: ['audio'] })).toBe(
      false,
    );
  });

  it('answers IPC from the app frame only, and runs the analysis worker', async () => {
    const main = boot();
    await main.waitFor('webContents.loadURL');
    const info = await main.probe<{ ok: boolean; value: { storeId: string } }>({
      cmd: 'invoke',
      channel: 'app:info',
      payload: {},
      senderUrl: 'app://kiosk/index.html',
    });
    expect(info).toMatchObject({ ok: true, value: { storeId: 'demo-store' } });
    for (const sender of [
      { senderUrl: 'https://evil.example/' },
      { senderUrl: 'app://kiosk/x.html', subframe: true },
    ]) {
      const refused = await main.probe({ cmd: 'invoke', channel: 'app:info', payload: {}, ...sender });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    // A grey frame goes through the CommonJS inference worker and comes back as "no face".
    const preview = await main.probe<{ ok: boolean; value: { hints: string[] } }>({
      cmd: 'invoke',
      channel: 'analysis:preview-frame',
      frame: { width: 64, height: 48 },
      senderUrl: 'app://kiosk/index.html',
    });
    expect(preview.ok).toBe(true);
    expect(preview.value.hints).toContain('no_face');
  });

  it('denies navigation and new windows, and recovers once from a lost renderer', async () => {
    const main = boot();
    await main.waitFor('webContents.loadURL');
    expect(await main.probe({ cmd: 'navigate', url: 'https://evil.example/' })).toBe(true);
    expect(await main.probe({ cmd: 'navigate', url: 'app://kiosk/index.html' })).toBe(false);
    expect(await main.probe({ cmd: 'window-open', url: 'https://evil.example/' })).toBe('deny');
    await main.probe({ cmd: 'renderer-gone', reason: 'crashed' });
    const records = await main.records();
    expect(all(records, 'webContents.loadURL')).toHaveLength(2);
  });

  it('packaged: ignores ELECTRON_RENDERER_URL, keeps DevTools off when windowed, blocks kiosk escapes', async () => {
    const main = boot({
      ELECTRON_STUB_PACKAGED: '1',
      ELECTRON_STUB_RESOURCES: repoRoot,
      ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/',
      SKINKIOSK_WINDOWED: '1',
    });
    const records = await main.waitFor('webContents.loadURL');
    expect(first(records, 'webContents.loadURL')?.url).toBe('app://kiosk/index.html');
    const window = first(records, 'BrowserWindow')!.options as {
      kiosk: boolean;
      webPreferences: Record<string, unknown>;
    };
    expect(window.webPreferences.devTools).toBe(false);
    expect(window.kiosk).toBe(false);
    expect(first(records, 'webContents.setVisualZoomLevelLimits')).toMatchObject({ min: 1, max: 1 });
    // The dev-server origin is not trusted for IPC either.
    const fromDevServer = await main.probe({
      cmd: 'invoke',
      channel: 'app:info',
      payload: {},
      senderUrl: 'http://127.0.0.1:5173/',
    });
    expect(fromDevServer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const key = (input: Record<string, unknown>) => main.probe<boolean>({ cmd: 'key', input });
    expect(await key({ key: 'm', control: true })).toBe(true);
    expect(await key({ key: '=', control: true })).toBe(true);
    expect(await key({ key: '-', control: true })).toBe(true);
    expect(await key({ key: '0', control: true })).toBe(true);
    expect(await key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(await key({ key: 'a' })).toBe(false);
  });

  it('seals the payment key on Linux without a keyring only when basic_text storage is allowed', async () => {
    const sealed = async (allowBasicTextKeyStorage: boolean) => {
      const dir = dataDir();
      const configFile = path.join(dir, 'kiosk-config.json');
      writeFileSync(
        configFile,
        JSON.stringify({
          storeId: 's1',
          kioskId: 'k1',
          payments: { mode: 'demo', apiKeyPlain: 'sk_test_boot', allowBasicTextKeyStorage },
          monitoring: { metricsPort: null },
        }),
      );
      const main = boot({ ELECTRON_STUB_KEYRING: 'basic_text' }, dir);
      const records = await main.waitFor('webContents.loadURL');
      const config = JSON.parse(readFileSync(configFile, 'utf8')) as { payments: Record<string, unknown> };
      return { records, payments: config.payments, stderr: main.stderr() };
    };
    if (process.platform !== 'linux') return;
    const allowed = await sealed(true);
    expect(first(allowed.records, 'safeStorage.setUsePlainTextEncryption')).toMatchObject({ value: true });
    expect(allowed.payments.apiKeyPlain).toBeNull();
    expect(allowed.payments.apiKeyEncrypted).toEqual(expect.any(String));

    const refused = await sealed(false);
    expect(first(refused.records, 'safeStorage.setUsePlainTextEncryption')).toBeUndefined();
    expect(refused.payments.apiKeyPlain).toBe('sk_test_boot');
    expect(refused.stderr).toContain('secrets.seal_refused');
  });

  it('a failed start ends the process non-zero with the reason; under systemd it does not relaunch itself', async () => {
    // The data folder is a file: SQLite cannot open the catalog, so start() rejects.
    const parent = dataDir();
    const notADir = path.join(parent, 'occupied');
    writeFileSync(notADir, 'not a directory');

    const alone = boot({}, notADir);
    const a = await alone.exited;
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('"msg":"main.boot_failed"');
    expect(a.stderr).toContain('"relaunch":true');
    expect(a.stderr).toContain('app.relaunch()');

    const supervised = boot({ INVOCATION_ID: 'abc123' }, notADir);
    const s = await supervised.exited;
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('"msg":"main.boot_failed"');
    expect(s.stderr).not.toContain('app.relaunch()');
  });

  it('with crash reports on, a failed start ends through Crashpad with only store, kiosk and version', async () => {
    const parent = dataDir();
    const configFile = path.join(parent, 'kiosk-config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        storeId: 's1',
        kioskId: 'k1',
        monitoring: { metricsPort: null, crashReportUrl: 'https://crashes.example/submit' },
      }),
    );
    // The config is read from SKINKIOSK_CONFIG; the data folder itself is unusable, so start() fails.
    const notADir = path.join(parent, 'occupied');
    writeFileSync(notADir, 'not a directory');
    const working = boot({ SKINKIOSK_CONFIG: configFile });
    const records = await working.waitFor('webContents.loadURL');
    expect(first(records, 'crashReporter.start')).toMatchObject({
      submitURL: 'https://crashes.example/submit',
      extra: { store: 's1', kiosk: 'k1', version: expect.any(String) },
    });
    expect(Object.keys(first(records, 'crashReporter.start')!.extra as object).sort()).toEqual([
      'kiosk',
      'store',
      'version',
    ]);

    const main = boot({ SKINKIOSK_CONFIG: configFile }, notADir);
    const { code, stderr } = await main.exited;
    expect(code).toBe(134);
    expect(stderr).toContain('"msg":"main.boot_failed"');
    expect(stderr).toContain('"crashReport":true');
    expect(stderr).toContain('process.crash()');
    expect(stderr).not.toContain('app.relaunch()');
  });

  it('a second instance and an AppImage install run quit without a window', async () => {
    for (const env of [{ ELECTRON_STUB_LOCK_HELD: '1' }, { APPIMAGE_EXIT_AFTER_INSTALL: 'true' }]) {
      const main = boot(env);
      const { code, stderr } = await main.exited;
      expect(code).toBe(0);
      expect(stderr).toContain('app.quit()');
      expect(stderr).not.toContain('BrowserWindow');
    }
  });
});
