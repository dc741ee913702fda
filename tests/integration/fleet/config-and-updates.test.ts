import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFleetServices, type FleetServices } from '../../../electron/services/fleet-services';
import { createFleetHandlers } from '../../../electron/services/handlers/fleet-handlers';
import { EventHub } from '../../../electron/services/event-hub';
import { sourceTreePaths } from '../../../electron/services/kiosk-paths';
import {
  loadKioskConfig,
  needsSetupMessage,
  writeKioskConfig,
} from '../../../electron/adapters/config/kiosk-config-store';
import { createNodeUpdateDriver, NodeAppAdapter } from '../../support/updater/node-updater-factory';
import { fakeAppImage, LoopbackUpdateServer } from './loopback-update-server';

let dir: string;
let fleet: FleetServices | null = null;
let server: LoopbackUpdateServer;
const savedAppImage = process.env.APPIMAGE;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-fleet-'));
  server = new LoopbackUpdateServer();
  await server.start();
});
afterEach(async () => {
  await fleet?.dispose();
  fleet = null;
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  process.env.APPIMAGE = savedAppImage;
});

async function boot(configFile: string) {
  const loaded = await loadKioskConfig(configFile);
  const needsSetup = needsSetupMessage(loaded);
  const hub = new EventHub();
  const events: unknown[] = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  fleet = await createFleetServices(
    loaded.config,
    sourceTreePaths(process.cwd(), path.join(dir, 'data')),
    hub,
    {
      version: '0.1.0',
      needsSetup,
      serveMetrics: false,
      firstUpdateCheckDelayMs: 60_000,
      createUpdateDriver: (feed, logger) =>
        createNodeUpdateDriver(
          new NodeAppAdapter({
            version: '0.1.0',
            name: 'Skin Kiosk',
            dataDir: path.join(dir, 'data'),
            cacheDir: path.join(dir, 'cache'),
          }),
          { feedUrl: feed.url, channel: feed.channel, storeId: feed.storeId, kioskId: feed.kioskId, logger },
        ).driver,
    },
  );
  return { loaded, fleet, hub, events, handlers: createFleetHandlers(fleet) };
}

describe('config file → fleet services', () => {
  it('a broken config file boots into needs-setup: health says so, payments are off, nothing crashes', async () => {
    const file = path.join(dir, 'kiosk-config.json');
    writeFileSync(
      file,
      JSON.stringify({ storeId: 'store-3', updates: { url: 'ftp://updates.example.com/' } }),
    );
    const { loaded, handlers, hub } = await boot(file);
    expect(loaded.kind).toBe('invalid');
    expect(loaded.config.payments.mode).toBe('disabled');
    expect(await handlers['system:health']({}, hub)).toMatchObject({
      status: 'degraded',
      reasons: ['needs_setup'],
    });
    expect(await handlers['update:status']({}, hub)).toMatchObject({ phase: 'disabled' });
  });

  it('a provisioned feed URL and channel drive the updater; check-now pushes update:state events', async () => {
    process.env.APPIMAGE = path.join(dir, 'SkinKiosk.AppImage');
    writeFileSync(process.env.APPIMAGE, fakeAppImage('0.1.0', path.join(dir, 'ran.txt')), { mode: 0o755 });
    server.publish('pilot', {
      version: '0.2.0',
      fileName: 'SkinKiosk-0.2.0.AppImage',
      content: fakeAppImage('0.2.0', path.join(dir, 'ran.txt')),
    });
    const file = path.join(dir, 'kiosk-config.json');
    // A window that is never open now: 1 minute long, starting 12 hours from the current local time.
    const start = new Date(Date.now() + 12 * 3_600_000);
    const hhmm = (d: Date) =>
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    await writeKioskConfig(file, {
      storeId: 'store-3',
      kioskId: 'kiosk-1',
      updates: {
        url: server.url,
        channel: 'pilot',
        window: { start: hhmm(start), end: hhmm(new Date(start.getTime() + 60_000)) },
      },
    });
    const { handlers, hub, events } = await boot(file);
    expect(await handlers['update:status']({}, hub)).toMatchObject({ phase: 'idle', channel: 'pilot' });
    const afterCheck = await handlers['update:check-now']({}, hub);
    expect(afterCheck).toMatchObject({ availableVersion: '0.2.0' });
    await expect
      .poll(async () => (await handlers['update:status']({}, hub)).phase, { timeout: 5_000 })
      .toBe('downloaded');
    const phases = events.map((e) => (e as { payload: { phase: string } }).payload.phase);
    expect(phases[0]).toBe('checking');
    expect(phases).toContain('downloading');
    expect(phases.at(-1)).toBe('downloaded');
    expect(server.requests.map((r) => r.path)).toEqual(['/pilot-linux.yml', '/SkinKiosk-0.2.0.AppImage']);
  });
});
