/**
 * Catalog bench: 100k generated products through the whole path a retailer's data takes.
 *
 *   npm run bench:catalog            (CATALOG_BENCH_PRODUCTS=20000 for a quicker run)
 *
 * Prints publish time, snapshot install (target ≤ 3 s), 1k-row delta apply (target ≤ 100 ms),
 * recommendation p50/p95 (target p95 ≤ 10 ms), full-text search and shade-match p50/p95, and sizes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CatalogFiles } from '../../electron/adapters/catalog/catalog-files';
import { publishCatalog } from '../../electron/adapters/catalog/catalog-publisher';
import { CatalogQueryService } from '../../electron/adapters/catalog/catalog-query-service';
import { CatalogStore } from '../../electron/adapters/catalog/catalog-store';
import { CatalogSyncService } from '../../electron/adapters/catalog/catalog-sync-service';
import { DirectoryFeedSource } from '../../electron/adapters/catalog/directory-feed-source';
import { generateFeedKeyPair, verifyManifest } from '../../electron/adapters/catalog/feed-signing';
import { ProductImageCache } from '../../electron/adapters/catalog/product-image-cache';
import { SyncStateStore } from '../../electron/adapters/catalog/sync-state-store';
import { validateDelta } from '../../electron/core/catalog/delta-validation';
import { DeltaDocument } from '../../electron/core/catalog/feed-manifest';
import { silentLogger } from '../../electron/core/ports/logger-port';
import { RoutineStep } from '../../electron/shared/schemas/catalog-schemas';
import { Concern, type SkinProfile } from '../../electron/shared/schemas/skin-profile-schemas';

const PRODUCTS = Number(process.env.CATALOG_BENCH_PRODUCTS ?? 100_000);
const DELTA_ROWS = 1_000;
const SAMPLES = 400;

/** mulberry32, so every run benches the same catalog. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const STEPS = RoutineStep.options;
const BRANDS = Array.from(
  { length: 120 },
  (_, i) => `Brand ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`,
);
const WORDS = [
  'Calm',
  'Glow',
  'Hydra',
  'Clear',
  'Renew',
  'Balance',
  'Bright',
  'Barrier',
  'Silk',
  'Pure',
  'Daily',
  'Night',
  'Velvet',
  'Dew',
  'Matte',
];
const INGREDIENTS = [
  'Niacinamide',
  'Glycerin',
  'Sodium Hyaluronate',
  'Retinol',
  'Salicylic Acid',
  'Ceramide NP',
  'Centella Asiatica Extract',
  'Ascorbic Acid',
  'Squalane',
  'Panthenol',
  'Glycolic Acid',
  'Zinc Oxide',
];

function productRow(i: number): string {
  const step = STEPS[i % STEPS.length]!;
  const concerns = [pick(Concern.options), pick(Concern.options)]
    .map((c) => `${c}:0.${1 + Math.floor(random() * 9)}`)
    .join('; ');
  const name = `${pick(WORDS)} ${pick(WORDS)} ${step} ${i}`;
  const price = (5 + random() * 80).toFixed(2);
  const spf = step === 'sunscreen' ? String(pick([15, 30, 50])) : '';
  const ingredients = [pick(INGREDIENTS), pick(INGREDIENTS), pick(INGREDIENTS)].join('; ');
  const stock = random() < 0.08 ? 'out_of_stock' : 'in_stock';
  const flag = (): string => (random() < 0.5 ? 'yes' : 'no');
  return [
    `SKU${i}`,
    pick(BRANDS),
    name,
    step,
    `A ${step} for ${concerns.replace(/:0\.\d/g, '')} with ${ingredients}.`,
    price,
    'USD',
    stock,
    concerns,
    ingredients,
    flag(),
    flag(),
    spf,
  ].join(',');
}

function writeCatalog(file: string, skus: readonly number[]): void {
  const header =
    'sku,brand,name,step,description,price,currency,availability,concerns,key_ingredients,fragrance_free,non_comedogenic,spf';
  writeFileSync(file, `${header}\n${skus.map((i) => productRow(i)).join('\n')}\n`);
}

function writeShades(file: string, skus: readonly number[]): void {
  const rows: string[] = [];
  for (const i of skus
    .filter((s) => STEPS[s % STEPS.length] === 'foundation' || STEPS[s % STEPS.length] === 'concealer')
    .slice(0, 400)) {
    for (let k = 0; k < 20; k++) {
      const t = k / 19;
      rows.push(
        [
          `SKU${i}`,
          `S${k}`,
          `Shade ${k}`,
          '#c08a6a',
          pick(['cool', 'neutral', 'warm']),
          1 + Math.round(t * 9),
          (84 - 57 * t).toFixed(2),
          (7 + 6 * Math.sin(Math.PI * t)).toFixed(2),
          (13 + 8 * Math.sin(Math.PI * t)).toFixed(2),
        ].join(','),
      );
    }
  }
  writeFileSync(
    file,
    `sku,shade_code,shade_name,hex,undertone,depth,lab_l,lab_a,lab_b\n${rows.join('\n')}\n`,
  );
}

/** Wall time, and the CPU time this process spent (the machine may be shared and busy). */
const cpuTimes: number[] = [];
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  return [value, wall];
};
/** CPU time of the last `time()` call, in ms. */
const lastCpu = (): number => cpuTimes[cpuTimes.length - 1] ?? 0;
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function profile(): SkinProfile {
  const concerns = [pick(Concern.options), pick(Concern.options), pick(Concern.options)].map((concern) => ({
    concern,
    weight: Math.round(random() * 100) / 100,
  }));
  return {
    source: 'questionnaire',
    type: pick(['oily', 'combination', 'normal', 'dry'] as const),
    sensitive: random() < 0.2,
    tone: null,
    metrics: [],
    concerns,
    meta: null,
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-'));
  const rows: Array<[string, string, string]> = [];
  const row = (what: string, value: string, target = ''): void => void rows.push([what, value, target]);
  try {
    const keys = generateFeedKeyPair();
    const feedDir = path.join(work, 'feed');
    const all = Array.from({ length: PRODUCTS }, (_, i) => i);
    writeCatalog(path.join(work, 'products.csv'), all);
    writeShades(path.join(work, 'shades.csv'), all);
    const inputs = { products: path.join(work, 'products.csv'), shades: path.join(work, 'shades.csv') };
    const [, publishMs] = await time(() =>
      publishCatalog({ inputs, privateKeyPem: keys.privateKeyPem, outDir: feedDir }),
    );
    row(`publish ${PRODUCTS.toLocaleString('en')} products (CSV → signed snapshot)`, ms(publishMs));
    const manifest1 = verifyManifest(readFileSync(path.join(feedDir, 'manifest.json')), keys.publicKeyPem);
    row('snapshot download size (gzip)', mb(manifest1.signed.snapshot.bytes));

    const kioskDir = path.join(work, 'kiosk');
    const files = new CatalogFiles(kioskDir);
    const store = new CatalogStore(files);
    const [, installMs] = await time(() =>
      store.installSnapshot(path.join(feedDir, manifest1.signed.snapshot.path), manifest1),
    );
    row('apply snapshot (verified file → checked, swapped in)', ms(installMs), '≤ 3000 ms');
    row('  same, CPU time of this process', ms(lastCpu()));
    const dbFile = files.current()!;
    row('database size', mb(statSync(dbFile).size));

    const fresh = new CatalogStore(new CatalogFiles(path.join(work, 'kiosk2')));
    const freshSync = new CatalogSyncService({
      store: fresh,
      images: new ProductImageCache(fresh.files.imagesDir),
      state: new SyncStateStore(path.join(work, 'state2.json')),
      logger: silentLogger,
      onProgress: () => undefined,
    });
    const [, fullSnapshotMs] = await time(() =>
      freshSync.run({
        source: new DirectoryFeedSource(feedDir),
        publicKeyPem: keys.publicKeyPem,
        conditional: false,
        origin: 'import',
      }),
    );
    row('full snapshot sync (manifest, copy + SHA-256, apply)', ms(fullSnapshotMs));
    fresh.close();

    const query = new CatalogQueryService(store, new ProductImageCache(files.imagesDir), 'store-1');
    const [, cacheMs] = await time(() => store.candidates('store-1'));
    row('recommendation candidate cache, first build', ms(cacheMs));

    // Three deltas of 1,000 rows each — 500 price updates, 250 removals, 250 new products.
    let csv = readFileSync(path.join(work, 'products.csv'), 'utf8').trimEnd().split('\n');
    const bumpPrice = (line: string): string =>
      line.replace(/,(\d+\.\d\d),USD,/, (_m, p: string) => `,${(Number(p) + 1).toFixed(2)},USD,`);
    const deltaTimes: number[] = [];
    const validateTimes: number[] = [];
    const deltaCpu: number[] = [];
    const checkpointTimes: number[] = [];
    const firstRecommend: number[] = [];
    let counts = { added: 0, updated: 0, removed: 0 };
    for (let round = 0; round < 3; round++) {
      const [header, ...body] = csv;
      const start = round * 1000;
      const next = body.flatMap((line, i) =>
        i >= start && i < start + 500 ? [bumpPrice(line)] : i >= start + 500 && i < start + 750 ? [] : [line],
      );
      for (let k = 0; k < 250; k++) next.push(productRow(PRODUCTS + round * 250 + k));
      csv = [header!, ...next];
      const file = path.join(work, `products-v${round + 2}.csv`);
      writeFileSync(file, `${csv.join('\n')}\n`);
      const [, publishDeltaMs] = await time(() =>
        publishCatalog({
          inputs: { ...inputs, products: file },
          privateKeyPem: keys.privateKeyPem,
          outDir: feedDir,
        }),
      );
      if (round === 0)
        row(
          `publish the next version with a ${DELTA_ROWS.toLocaleString('en')}-row delta`,
          ms(publishDeltaMs),
        );
      const manifest = verifyManifest(readFileSync(path.join(feedDir, 'manifest.json')), keys.publicKeyPem);
      const doc = DeltaDocument.parse(
        JSON.parse(gunzipSync(readFileSync(path.join(feedDir, manifest.signed.deltas[0]!.path))).toString()),
      );
      const [delta, validateMs] = await time(() => validateDelta(doc));
      validateTimes.push(validateMs);
      const [applied, deltaMs] = await time(() => store.applyDelta(delta, manifest));
      deltaCpu.push(lastCpu());
      counts = applied;
      const [, checkpointMs] = await time(() => store.checkpoint());
      checkpointTimes.push(checkpointMs);
      deltaTimes.push(deltaMs);
      const [, recommendMs] = await time(() => query.recommend(profile(), {}, null));
      firstRecommend.push(recommendMs);

      if (round === 0) {
        // A second kiosk still on v1 takes the whole path: manifest, download, verify, parse, apply.
        const lagging = new CatalogStore(new CatalogFiles(path.join(work, 'kiosk3')));
        await lagging.installSnapshot(path.join(feedDir, manifest1.signed.snapshot.path), manifest1);
        const laggingSync = new CatalogSyncService({
          store: lagging,
          images: new ProductImageCache(lagging.files.imagesDir),
          state: new SyncStateStore(path.join(work, 'state3.json')),
          logger: silentLogger,
          onProgress: () => undefined,
        });
        const [report, fullDeltaMs] = await time(() =>
          laggingSync.run({
            source: new DirectoryFeedSource(feedDir),
            publicKeyPem: keys.publicKeyPem,
            conditional: false,
            origin: 'import',
          }),
        );
        row(
          `full delta sync (${report.mode}: manifest, copy + SHA-256, parse, validate, apply)`,
          ms(fullDeltaMs),
        );
        lagging.close();
      }
    }
    row(
      `apply delta (${counts.added} added, ${counts.updated} updated, ${counts.removed} removed; one transaction), median / max of 3`,
      `${ms(percentile(deltaTimes, 50))} / ${ms(Math.max(...deltaTimes))}`,
      '≤ 100 ms',
    );
    row('  same, CPU time of this process, median of 3', ms(percentile(deltaCpu, 50)));
    row("validate the delta's upserts before applying, median of 3", ms(percentile(validateTimes, 50)));
    row('WAL checkpoint after applying, median of 3', ms(percentile(checkpointTimes, 50)));
    row(
      'first recommend after a delta (candidate cache patched), median of 3',
      ms(percentile(firstRecommend, 50)),
    );

    const recommendTimes: number[] = [];
    const recommendCpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const p = profile();
      const budget = random() < 0.3 ? 5000 + Math.floor(random() * 10000) : null;
      const [routine, t] = await time(() => query.recommend(p, {}, budget));
      if (routine.slots.length < 3) throw new Error('routine too short');
      recommendTimes.push(t);
      recommendCpu.push(lastCpu());
    }
    row(
      'recommend p50 / p95',
      `${ms(percentile(recommendTimes, 50))} / ${ms(percentile(recommendTimes, 95))}`,
      'p95 ≤ 10 ms',
    );
    row(
      '  same, CPU time p50 / p95',
      `${ms(percentile(recommendCpu, 50))} / ${ms(percentile(recommendCpu, 95))}`,
    );

    const searchTimes: number[] = [];
    const queries = [
      'calm',
      'glow ser',
      'brand a',
      'niacin',
      'redness',
      'hydra moist',
      'sunscreen',
      'ojeras',
      'bright c',
      'night re',
    ];
    for (let i = 0; i < SAMPLES; i++) {
      const q = pick(queries);
      const [, t] = await time(() => query.search(q, 20));
      searchTimes.push(t);
    }
    row(
      'search (FTS5, 20 results) p50 / p95',
      `${ms(percentile(searchTimes, 50))} / ${ms(percentile(searchTimes, 95))}`,
    );

    const shadeTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const L = 30 + random() * 55;
      const [, t] = await time(() =>
        query.shadeMatch(
          { L, a: 10 + random() * 4, b: 14 + random() * 6 },
          pick(['foundation', 'concealer'] as const),
          0,
        ),
      );
      shadeTimes.push(t);
    }
    row('shade match p50 / p95', `${ms(percentile(shadeTimes, 50))} / ${ms(percentile(shadeTimes, 95))}`);
    row(
      'database size after the delta (file + WAL)',
      mb(statSync(dbFile).size + (statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0)),
    );
    store.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  const load = os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');
  console.log(
    `catalog bench — ${PRODUCTS.toLocaleString('en')} products, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load}`,
  );
  for (const [what, value, target] of rows)
    console.log(`${what.padEnd(width)}  ${value.padStart(18)}  ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
