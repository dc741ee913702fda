import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCatalogCommand } from '../../../electron/cli/catalog-command';
import { tempDir } from '../../unit/adapters/catalog/catalog-test-feed';
import { FeedServer } from './feed-server';

const demoSource = path.resolve(__dirname, '../../../resources/catalog/source');

describe('skinkiosk catalog', () => {
  const scratch = tempDir('catalog-cli-');
  let out = '';
  let err = '';
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => scratch.cleanup());

  const keys = path.join(scratch.dir, 'keys');
  const feed = path.join(scratch.dir, 'feed');
  const dataDir = path.join(scratch.dir, 'kiosk');
  const privateKey = path.join(keys, 'catalog-signing-key.pem');
  const publicKey = path.join(keys, 'catalog-signing-key.pub.pem');

  it('keygen writes a private key only its owner can read, and never overwrites', async () => {
    expect(await runCatalogCommand(['keygen', '--out', keys])).toBe(0);
    expect(statSync(privateKey).mode & 0o777).toBe(0o600);
    expect(readFileSync(publicKey, 'utf8')).toMatch(/BEGIN PUBLIC KEY/);
    expect(out).toMatch(/key id [0-9a-f]{16}/);
    expect(await runCatalogCommand(['keygen', '--out', keys])).toBe(1);
    expect(err).toMatch(/Refusing to overwrite/);
  });

  it('publish validates and signs the demo source files', async () => {
    const args = [
      'publish',
      '--in',
      path.join(demoSource, 'products.csv'),
      '--attributes',
      path.join(demoSource, 'attributes.csv'),
      '--shades',
      path.join(demoSource, 'shades.csv'),
      '--key',
      privateKey,
      '--out',
      feed,
    ];
    expect(await runCatalogCommand(args)).toBe(0);
    expect(out).toMatch(/^published 1\.[0-9a-f]{8}: 154 products, 0 rejected/);
    expect(await runCatalogCommand([...args, '--json'])).toBe(0);
    expect(JSON.parse(out.slice(out.indexOf('{')))).toMatchObject({
      outcome: 'unchanged',
      rowCount: 154,
      issues: [],
    });
  });

  it('import installs the feed into a kiosk data folder', async () => {
    expect(await runCatalogCommand(['import', feed, '--data-dir', dataDir, '--public-key', publicKey])).toBe(
      0,
    );
    // Same products as the bundled demo the kiosk started on, but now signed by this key.
    expect(out).toMatch(/^applied \(snapshot\) (1\.[0-9a-f]{8}) -> \1: \+0 ~0 -0/);
    expect(err).toMatch(/applying/);
  });

  it('sync fetches from a feed URL and reports an unchanged catalog', async () => {
    const server = await new FeedServer(feed).start();
    try {
      expect(
        await runCatalogCommand([
          'sync',
          '--data-dir',
          dataDir,
          '--public-key',
          publicKey,
          '--feed-url',
          server.url,
        ]),
      ).toBe(0);
      expect(out).toMatch(/^unchanged \(none\)/);
    } finally {
      await server.close();
    }
  });

  it('prints typed errors and usage', async () => {
    expect(await runCatalogCommand(['import', feed, '--data-dir', dataDir])).toBe(1);
    expect(err).toMatch(/FEED_SIGNATURE_INVALID: /);
    expect(await runCatalogCommand(['sync', '--data-dir', dataDir])).toBe(1);
    expect(err).toMatch(/CONFIG_INVALID: No catalog feed is configured/);
    expect(await runCatalogCommand(['publish', '--in', 'x.csv'])).toBe(2);
    expect(await runCatalogCommand(['frobnicate'])).toBe(2);
    expect(await runCatalogCommand([])).toBe(2);
    expect(await runCatalogCommand(['--help'])).toBe(0);
    expect(out).toMatch(/skinkiosk catalog <keygen\|publish\|import\|sync>/);
  });
});
