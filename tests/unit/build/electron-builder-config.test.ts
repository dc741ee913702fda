import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import type * as FusesModule from '../../../build/electron-fuses.cjs';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');
const config = require('../../../build/electron-builder.config.cjs') as Configuration;
const { afterPack } = require('../../../build/electron-fuses.cjs') as typeof FusesModule;

type FileSet = { from: string; to: string; filter: string[] };
const extra = config.extraResources as FileSet[];

describe('electron-builder configuration', () => {
  it('passes electron-builder’s published configuration schema', () => {
    // app-builder-lib/scheme.json is the schema electron-builder publishes for its configuration
    // (and validates against before every build); read through its public file, not private modules.
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
      require('app-builder-lib/scheme.json') as object,
    );
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: true } })).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ additionalProperty: 'oneclick' });
  });

  it('builds Linux AppImage + deb and a Windows one-click per-machine NSIS installer', () => {
    expect(config.appId).toBe('com.skinkiosk.kiosk');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: true });
  });

  it('unpacks every native module from the asar, and those modules really ship binaries', () => {
    for (const name of ['onnxruntime-node', 'better-sqlite3', 'sharp']) {
      expect(config.asarUnpack).toContain(`**/node_modules/${name}/**`);
    }
    expect(existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(
      true,
    );
    expect(
      existsSync(
        path.join(root, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node'),
      ),
    ).toBe(true);
  });

  it('ships the models named in the manifest, and the locale and results-page resources', () => {
    const model = extra.find((r) => r.from === 'model');
    expect(model).toEqual({
      from: 'model',
      to: 'model',
      filter: ['*.onnx', 'manifest.json', 'MODEL_CARD.md'],
    });
    const manifest = JSON.parse(readFileSync(path.join(root, 'model/manifest.json'), 'utf8')) as {
      models: { file: string }[];
    };
    expect(manifest.models.length).toBeGreaterThan(0);
    for (const m of manifest.models) {
      expect(m.file).toMatch(/^[^/]+\.onnx$/);
      expect(existsSync(path.join(root, 'model', m.file)), m.file).toBe(true);
    }
    // Packaged layout mirrors the source tree, so main builds KioskPaths from one root either way.
    for (const r of extra) expect(r.to).toBe(r.from);
    expect(extra.map((r) => r.from)).toEqual([
      'model',
      'resources/catalog',
      'resources/locales',
      'resources/results-page',
    ]);
    for (const dir of ['resources/locales', 'resources/results-page'])
      expect(existsSync(path.join(root, dir)), dir).toBe(true);
  });

  it('keeps only the target platform’s ONNX Runtime binaries in each package', () => {
    expect(config.linux?.files).toEqual([
      '!**/node_modules/onnxruntime-node/bin/napi-v*/darwin/**',
      '!**/node_modules/onnxruntime-node/bin/napi-v*/win32/**',
    ]);
    expect(config.win?.files).toEqual([
      '!**/node_modules/onnxruntime-node/bin/napi-v*/darwin/**',
      '!**/node_modules/onnxruntime-node/bin/napi-v*/linux/**',
    ]);
  });

  it('publishes a generic feed (latest-linux.yml) and flips fuses after packing', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic', channel: 'latest' })]);
    expect(config.afterPack).toBe(afterPack);
    expect(config.electronFuses).toBeUndefined();
  });

  it('packs the built app and its icons', () => {
    expect(config.files).toContain('out/**/*');
    expect(existsSync(path.join(root, String(config.win?.icon)))).toBe(true);
    expect(existsSync(path.join(root, String(config.linux?.icon), '512x512.png'))).toBe(true);
  });

  it('the systemd units start the binary the deb installs', () => {
    const exe = `/opt/${config.productName}/${config.linux?.executableName}`;
    for (const unit of ['skin-kiosk.service', 'cage-kiosk.service']) {
      const text = readFileSync(path.join(root, 'build/linux', unit), 'utf8');
      const execStart = text.split('\n').find((l) => l.startsWith('ExecStart='));
      expect(execStart, unit).toContain(`"${exe}"`);
      expect(text).toMatch(/^Restart=always$/m);
    }
  });
});
