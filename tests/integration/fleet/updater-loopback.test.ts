import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonLinesLogger } from '../../../electron/adapters/logging/json-lines-logger-adapter';
import {
  createNodeUpdateDriver,
  NodeAppAdapter,
  UPDATER_CACHE_DIR_NAME,
} from '../../support/updater/node-updater-factory';
import { UpdateService } from '../../../electron/adapters/updates/update-service';
import { parseClockTime } from '../../../electron/core/fleet/maintenance-window';
import { rolloutBucket } from '../../../electron/core/fleet/staged-rollout';
import type { UpdateState } from '../../../electron/shared/schemas/system-schemas';
import { fakeAppImage, LoopbackUpdateServer, sha512Base64 } from './loopback-update-server';

/**
 * electron-updater's real AppImageUpdater, GenericProvider and sha512 checking, run under Node
 * against a static update host on 127.0.0.1. Only the app object (no Electron) is swapped.
 */
let dir: string;
let server: LoopbackUpdateServer;
let logger: JsonLinesLogger;
let quits: number;
const savedAppImage = process.env.APPIMAGE;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-update-'));
  server = new LoopbackUpdateServer();
  await server.start();
  logger = new JsonLinesLogger({ dir: path.join(dir, 'logs'), minLevel: 'debug' });
  quits = 0;
  // The running "AppImage": a file without a version in its name, as kiosks install it.
  process.env.APPIMAGE = path.join(dir, 'SkinKiosk.AppImage');
  writeFileSync(process.env.APPIMAGE, fakeAppImage('0.1.0', path.join(dir, 'ran.txt')), { mode: 0o755 });
});

afterEach(async () => {
  await server.stop();
  logger.close();
  rmSync(dir, { recursive: true, force: true });
  process.env.APPIMAGE = savedAppImage;
});

function kiosk(
  opts: {
    channel?: string;
    kioskId?: string;
    minute?: string;
    sessionActive?: boolean;
    feedUrl?: string;
  } = {},
) {
  const app = new NodeAppAdapter({
    version: '0.1.0',
    name: 'Skin Kiosk',
    dataDir: path.join(dir, 'data'),
    cacheDir: path.join(dir, 'cache'),
    onQuit: () => (quits += 1),
  });
  const { driver } = createNodeUpdateDriver(app, {
    feedUrl: opts.feedUrl ?? server.url,
    channel: opts.channel ?? 'latest',
    storeId: 'store-1',
    kioskId: opts.kioskId ?? 'kiosk-1',
    logger: logger.child({ component: 'updater' }),
  });
  const states: UpdateState[] = [];
  const service = new UpdateService({
    driver,
    channel: opts.channel ?? 'latest',
    window: { start: '23:00', end: '03:00' },
    checkIntervalMs: 4 * 3_600_000,
    sessions: { isActive: () => opts.sessionActive ?? false, msSinceLastSession: () => null },
    onState: (s) => states.push(s),
    logger: logger.child({ component: 'updater' }),
    minuteOfDay: () => parseClockTime(opts.minute ?? '01:30'),
  });
  return { service, states };
}

async function settle(service: UpdateService, phases: UpdateState['phase'][]): Promise<UpdateState> {
  for (let i = 0; i < 200; i++) {
    if (phases.includes(service.status().phase)) return service.status();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`updater stuck in ${service.status().phase}`);
}

const logText = () => readFileSync(logger.filePath, 'utf8');

describe('updater against a loopback update server', () => {
  it('finds, downloads, verifies and installs an update after midnight inside a window that crosses it', async () => {
    const release = {
      version: '0.2.0',
      fileName: 'SkinKiosk-0.2.0.AppImage',
      content: fakeAppImage('0.2.0', path.join(dir, 'ran.txt')),
    };
    server.publish('latest', release);
    const { service, states } = kiosk({ minute: '01:30' });
    const afterCheck = await service.checkNow();
    expect(afterCheck.availableVersion).toBe('0.2.0');
    const final = await settle(service, ['installing', 'error']);
    expect(final).toMatchObject({ phase: 'installing', availableVersion: '0.2.0', lastError: null });
    expect(states.some((s) => s.phase === 'downloading' && s.progressPercent === 100)).toBe(true);

    // electron-updater replaced the running AppImage with the verified download and started it.
    expect(readFileSync(process.env.APPIMAGE as string)).toEqual(release.content);
    await expect
      .poll(() => existsSync(path.join(dir, 'ran.txt')) && readFileSync(path.join(dir, 'ran.txt'), 'utf8'))
      .toBe('0.2.0\n');
    expect(quits).toBe(1);
    expect(server.requests.map((r) => r.path)).toEqual(['/latest-linux.yml', '/SkinKiosk-0.2.0.AppImage']);
    expect(logText()).toContain('"msg":"update.installing"');
  });

  it('refuses a download whose sha512 does not match the feed, logs it and installs nothing', async () => {
    const content = fakeAppImage('0.2.0', path.join(dir, 'ran.txt'));
    server.publish('latest', {
      version: '0.2.0',
      fileName: 'SkinKiosk-0.2.0.AppImage',
      content,
      sha512Override: sha512Base64(Buffer.from('a different build')),
    });
    const { service } = kiosk();
    await service.checkNow();
    const final = await settle(service, ['error', 'installing']);
    expect(final).toMatchObject({
      phase: 'error',
      lastError: 'Downloaded update does not match the published sha512; refused.',
    });
    expect(service.consecutiveFailures()).toBe(1);
    expect(readFileSync(process.env.APPIMAGE as string, 'utf8')).toContain('0.1.0');
    expect(quits).toBe(0);
    const failure = logText()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'update.download_failed');
    expect(failure).toMatchObject({
      level: 'error',
      kind: 'checksum',
      code: 'ERR_CHECKSUM_MISMATCH',
      failures: 1,
    });
    // Nothing unverified is left where the installer would pick it up.
    const pending = path.join(dir, 'cache', UPDATER_CACHE_DIR_NAME, 'pending');
    expect(existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.AppImage')) : []).toEqual(
      [],
    );
  });

  it('downloads but does not install outside the window or during a session', async () => {
    server.publish('latest', {
      version: '0.2.0',
      fileName: 'SkinKiosk-0.2.0.AppImage',
      content: fakeAppImage('0.2.0', path.join(dir, 'ran.txt')),
    });
    const outside = kiosk({ minute: '14:00' });
    await outside.service.checkNow();
    expect(await settle(outside.service, ['downloaded', 'error'])).toMatchObject({ phase: 'downloaded' });
    outside.service.dispose();
    const busy = kiosk({ minute: '23:30', sessionActive: true });
    await busy.service.checkNow();
    expect(await settle(busy.service, ['downloaded', 'error'])).toMatchObject({ phase: 'downloaded' });
    busy.service.dispose();
    expect(quits).toBe(0);
    expect(readFileSync(process.env.APPIMAGE as string, 'utf8')).toContain('0.1.0');
  });

  it('honours stagingPercentage per kiosk, deterministically', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `kiosk-${i}`);
    const inside = ids.find((id) => rolloutBucket('store-1', id) < 30) as string;
    const outside = ids.find((id) => rolloutBucket('store-1', id) >= 30) as string;
    server.publish('latest', {
      version: '0.2.0',
      fileName: 'SkinKiosk-0.2.0.AppImage',
      content: fakeAppImage('0.2.0', path.join(dir, 'ran.txt')),
      stagingPercentage: 30,
    });
    const left = kiosk({ kioskId: outside });
    expect(await left.service.checkNow()).toMatchObject({ phase: 'idle', availableVersion: null });
    expect(logText()).toContain('"msg":"update.not_in_rollout"');
    const taken = kiosk({ kioskId: inside, minute: '14:00' });
    expect(await taken.service.checkNow()).toMatchObject({ availableVersion: '0.2.0' });
    await settle(taken.service, ['downloaded', 'error']);
    taken.service.dispose();
  });

  it('reads the configured channel and reports a missing channel file as a feed problem', async () => {
    server.publish('beta', {
      version: '0.3.0-beta.1',
      fileName: 'SkinKiosk-0.3.0-beta.1.AppImage',
      content: Buffer.from('beta'),
    });
    const beta = kiosk({ channel: 'beta', minute: '14:00' });
    expect(await beta.service.checkNow()).toMatchObject({
      channel: 'beta',
      availableVersion: '0.3.0-beta.1',
    });
    await settle(beta.service, ['downloaded', 'error']);
    beta.service.dispose();
    const missing = kiosk({ channel: 'nightly' });
    const state = await missing.service.checkNow();
    expect(state.phase).toBe('error');
    expect(state.lastError).toMatch(/^Update feed problem \(ERR_UPDATER_CHANNEL_FILE_NOT_FOUND\)/);
    missing.service.dispose();
    expect(server.requests.map((r) => r.path)).toContain('/nightly-linux.yml');
  });

  it('says so when the feed has the version already running', async () => {
    server.publish('latest', {
      version: '0.1.0',
      fileName: 'SkinKiosk-0.1.0.AppImage',
      content: Buffer.from('same'),
    });
    const { service } = kiosk();
    expect(await service.checkNow()).toMatchObject({ phase: 'idle', lastError: null });
    service.dispose();
  });

  it('treats an unreachable server as a network error with backoff', async () => {
    const url = server.url;
    await server.stop();
    const { service } = kiosk({ feedUrl: url });
    const state = await service.checkNow();
    expect(state).toMatchObject({ phase: 'error', lastError: 'Update server unreachable (ECONNREFUSED).' });
    expect(service.consecutiveFailures()).toBe(1);
    service.dispose();
  });
});
