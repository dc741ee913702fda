import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogFiles } from '../../../electron/adapters/catalog/catalog-files';
import { CatalogStore } from '../../../electron/adapters/catalog/catalog-store';
import { verifyManifest } from '../../../electron/adapters/catalog/feed-signing';
import { manyProducts, tempDir, TestPublisher } from '../../unit/adapters/catalog/catalog-test-feed';

const CHILD = path.join(__dirname, 'apply-child.ts');
const TRIALS_PER_MODE = 12;

interface Run {
  outcome: 'applied' | 'killed';
  ms: number;
}

/** Runs the child; kills it with SIGKILL `killAfterMs` after it reports "ready" (never, when null). */
function runChild(
  kioskDir: string,
  feedDir: string,
  keyFile: string,
  killAfterMs: number | null,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, kioskDir, feedDir, keyFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterMs !== null && out.startsWith('ready\n') && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        killAfterMs = null;
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const applied = /applied (\d+)/.exec(out);
      if (applied) resolve({ outcome: 'applied', ms: Number(applied[1]) });
      else if (signal === 'SIGKILL') resolve({ outcome: 'killed', ms: 0 });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

/** Opens whatever the pointer names, as the kiosk would after a restart. */
function inspect(kioskDir: string): { version: string; count: number; integrity: string } {
  const file = new CatalogFiles(kioskDir).current();
  if (!file) throw new Error('no current catalog');
  const db = new Database(file);
  try {
    const version = (
      db.prepare("SELECT value FROM catalog_meta WHERE key = 'version'").get() as { value: string }
    ).value;
    const count = (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { version, count, integrity };
  } finally {
    db.close();
  }
}

describe('kill -9 while a catalog is being applied', () => {
  const scratch = tempDir('catalog-crash-');
  const deltaFeed = new TestPublisher(path.join(scratch.dir, 'delta'));
  const pristine = path.join(scratch.dir, 'pristine');
  const keyFile = path.join(scratch.dir, 'key.pub.pem');
  let snapshotFeedDir = '';
  const versions = new Map<string, number>();

  beforeAll(async () => {
    const v1Products = manyProducts(6000);
    await deltaFeed.publish(v1Products);
    const v1 = verifyManifest(
      readFileSync(path.join(deltaFeed.feedDir, 'manifest.json')),
      deltaFeed.keys.publicKeyPem,
    );
    versions.set(v1.signed.version, v1.signed.rowCount);
    const store = new CatalogStore(new CatalogFiles(pristine));
    await store.installSnapshot(path.join(deltaFeed.feedDir, v1.signed.snapshot.path), v1);
    store.close();

    // v2 changes 1,500 rows: 1,000 price changes, 250 removals, 250 new products.
    const v2Products = [
      ...v1Products.slice(250).map((p, i) => (i < 1000 ? { ...p, price: '99.00' } : p)),
      ...manyProducts(250, 100_000),
    ];
    const v2 = await deltaFeed.publish(v2Products);
    versions.set(v2.version, v2.rowCount);
    // The same v2 in a feed without a delta from v1, so the kiosk must install the snapshot. It is
    // that feed's second publish: one sequence names one catalog, so v2 needs sequence 2 there too.
    const snapshotFeed = Object.assign(new TestPublisher(path.join(scratch.dir, 'snapshot')), {
      keys: deltaFeed.keys,
    });
    await snapshotFeed.publish(manyProducts(3, 200_000));
    await snapshotFeed.publish(v2Products);
    const snap = verifyManifest(
      readFileSync(path.join(snapshotFeed.feedDir, 'manifest.json')),
      deltaFeed.keys.publicKeyPem,
    );
    versions.set(snap.signed.version, snap.signed.rowCount);
    snapshotFeedDir = snapshotFeed.feedDir;
    writeFileSync(keyFile, deltaFeed.keys.publicKeyPem);
  }, 120_000);
  afterAll(() => scratch.cleanup());

  for (const mode of ['delta', 'snapshot'] as const) {
    it(`leaves exactly the old or the new ${mode} version, intact, after ${TRIALS_PER_MODE} random kills`, async () => {
      const feedDir = mode === 'delta' ? deltaFeed.feedDir : snapshotFeedDir;
      const trialDir = path.join(scratch.dir, `trial-${mode}`);
      const fresh = (): void => {
        rmSync(trialDir, { recursive: true, force: true });
        cpSync(pristine, trialDir, { recursive: true });
      };
      const oldVersion = inspect(pristine).version;

      // Calibrate: how long an undisturbed apply takes here, right now.
      fresh();
      const calibration = await runChild(trialDir, feedDir, keyFile, null);
      expect(calibration.outcome).toBe('applied');
      const newState = inspect(trialDir);
      expect(newState.version).not.toBe(oldVersion);
      const window = Math.max(calibration.ms, 50) * 1.5;

      const seen = { old: 0, new: 0 };
      for (let i = 0; i < TRIALS_PER_MODE; i++) {
        fresh();
        // Stratified over the window so early, middle and late kills all happen.
        const delay = ((i + Math.random()) / TRIALS_PER_MODE) * window;
        await runChild(trialDir, feedDir, keyFile, delay);
        const state = inspect(trialDir);
        expect(state.integrity).toBe('ok');
        expect([oldVersion, newState.version]).toContain(state.version);
        expect(state.count).toBe(versions.get(state.version));
        seen[state.version === oldVersion ? 'old' : 'new']++;
        // The kiosk still starts on whatever is there, and a retried sync completes.
        if (i % 4 === 3) {
          const retry = await runChild(trialDir, feedDir, keyFile, null);
          expect(retry.outcome).toBe('applied');
          expect(inspect(trialDir)).toMatchObject({ version: newState.version, integrity: 'ok' });
        }
      }
      expect(seen.old + seen.new).toBe(TRIALS_PER_MODE);
      expect(seen.old).toBeGreaterThan(0);
    }, 240_000);
  }
});
