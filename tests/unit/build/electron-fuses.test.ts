import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import * as fuses from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, KIOSK_FUSES, toFuseConfig } from '../../../build/electron-fuses.cjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;

/** Bytes laid out as in an Electron binary: the sentinel, wire version 1, length 8, all fuses at Electron's defaults. */
function fakeElectron(): Buffer {
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
  return Buffer.concat([
    Buffer.from('\x7fELF…padding…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, defaults.length, ...defaults]),
    Buffer.from('…rest'),
  ]);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron fuses', () => {
  it('is the production set', () => {
    expect(KIOSK_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('maps to @electron/fuses wire positions', () => {
    expect(toFuseConfig(fuses)).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('finds the executable electron-builder packed on each platform', () => {
    const packager = { executableName: 'skin-kiosk', appInfo: { productFilename: 'Skin Kiosk' } };
    expect(
      electronBinaryPath({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager }),
    ).toBe(path.join('/out/linux-unpacked', 'skin-kiosk'));
    expect(
      electronBinaryPath({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager }),
    ).toBe(path.join('/out/win-unpacked', 'Skin Kiosk.exe'));
    expect(() => electronBinaryPath({ appOutDir: '/x', electronPlatformName: 'aix', packager })).toThrow(
      /No fuse target/,
    );
  });

  it('the afterPack hook flips exactly those fuses in the packed binary and leaves the others', async () => {
    const binary = path.join(dir, 'skin-kiosk');
    writeFileSync(binary, fakeElectron());
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'skin-kiosk', appInfo: { productFilename: 'Skin Kiosk' } },
    });
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(readFileSync(binary).length).toBe(fakeElectron().length);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    writeFileSync(path.join(dir, 'skin-kiosk'), 'not electron');
    await expect(
      afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        packager: { executableName: 'skin-kiosk', appInfo: { productFilename: 'x' } },
      }),
    ).rejects.toThrow(/sentinel/);
  });
});
