/**
 * Generates the bundled demo catalog: source CSVs (products, attributes, shades), a small WebP image
 * per product, and the published, signed feed the kiosk installs on first run.
 *
 *   npx tsx resources/catalog/generate-demo-catalog.ts
 *
 * Deterministic apart from the signing key, which is made fresh on every run and thrown away: only
 * its public half is kept (demo-catalog-public.pem), so nobody can sign a "demo" catalog afterwards.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { labToSrgb, srgbToHex } from '../../electron/core/color/color-spaces';
import { publishCatalog } from '../../electron/adapters/catalog/catalog-publisher';
import { generateFeedKeyPair } from '../../electron/adapters/catalog/feed-signing';
import type { RoutineStep } from '../../electron/shared/schemas/catalog-schemas';
import type { Lab } from '../../electron/shared/schemas/skin-profile-schemas';
import {
  ARCHETYPES,
  BRANDS,
  COMPLEXION_LINES,
  DEPTH_WORDS,
  DEPTH_LAB,
  SIZES,
  STRONG_ACTIVES,
  type DemoBrand,
} from './demo-catalog-data';
import { productImageSvg } from './demo-product-image';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.join(here, 'source');
const feedDir = path.join(here, 'feed');
const STORE = 'demo-store';

/** mulberry32: a tiny seeded PRNG so every run produces the same catalog. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20240611);

/** GTIN-13 in the GS1 "restricted circulation" range 200–299, meant for in-store numbering. */
function gtin(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header: string[], rows: Array<Array<string | number>>): string =>
  [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';

const price = (base: number, tier: number): string => (Math.round(base * tier * 2) / 2 - 0.01).toFixed(2);
const STEP_CODE: Record<RoutineStep, string> = {
  cleanser: 'CLN',
  toner: 'TNR',
  serum: 'SER',
  treatment: 'TRT',
  moisturizer: 'MST',
  sunscreen: 'SPF',
  eye: 'EYE',
  mask: 'MSK',
  foundation: 'FDN',
  concealer: 'CNC',
};
const STEP_NOUN: Record<RoutineStep, string> = {
  cleanser: 'A cleanser',
  toner: 'A toner',
  serum: 'A serum',
  treatment: 'A treatment',
  moisturizer: 'A moisturiser',
  sunscreen: 'A sunscreen',
  eye: 'An eye cream',
  mask: 'A mask',
  foundation: 'A foundation',
  concealer: 'A concealer',
};

const products: string[][] = [];
const attributes: string[][] = [];
const shades: Array<Array<string | number>> = [];
const images: Array<{ file: string; svg: string }> = [];
let counter = 0;

function addProduct(
  brand: DemoBrand,
  step: RoutineStep,
  name: string,
  base: number,
  claim: string,
  ingredients: readonly string[],
): string {
  counter++;
  const sku = `${brand.code}-${STEP_CODE[step]}-${String(counter).padStart(3, '0')}`;
  const roll = random();
  const availability = roll < 0.07 ? 'out_of_stock' : 'in_stock';
  const storeOverride = roll > 0.95 ? `${STORE}:out_of_stock` : roll < 0.02 ? `${STORE}:in_stock` : '';
  const description = `${STEP_NOUN[step]} by ${brand.name}: ${claim}. Key ingredients: ${ingredients.join(', ')}.`;
  const image = `images/${sku.toLowerCase()}.webp`;
  products.push([
    sku,
    gtin(counter),
    brand.name,
    name,
    step,
    description,
    SIZES[step],
    price(base, brand.tier),
    'USD',
    image,
    `https://shop.example/products/${sku.toLowerCase()}`,
    availability,
    storeOverride,
  ]);
  images.push({ file: image, svg: productImageSvg(step, brand.colour, counter) });
  return sku;
}

for (const [step, archetypes] of Object.entries(ARCHETYPES) as Array<
  [keyof typeof ARCHETYPES, (typeof ARCHETYPES)[keyof typeof ARCHETYPES]]
>) {
  archetypes.forEach((archetype, index) => {
    const strong = archetype.ingredients.some((ingredient) => STRONG_ACTIVES.test(ingredient));
    const eligible = BRANDS.filter((brand) => !(strong && brand.gentle));
    for (let k = 0; k < archetype.brands; k++) {
      const brand = eligible[(index * 3 + k * 2) % eligible.length]!;
      const sku = addProduct(
        brand,
        step,
        archetype.name,
        archetype.base,
        archetype.claim,
        archetype.ingredients,
      );
      const yes = (flag: boolean | undefined): string => (flag ? 'yes' : 'no');
      attributes.push([
        sku,
        archetype.skinTypes ?? 'all',
        archetype.concerns,
        archetype.ingredients.join('; '),
        yes(archetype.fragranceFree || brand.gentle),
        yes(archetype.nonComedogenic),
        yes(archetype.vegan),
        yes(archetype.pregnancySafe),
        archetype.spf ? String(archetype.spf) : '',
      ]);
    }
  });
}

/** Depth colours interpolated for any position t in [0, 9] along the Monk scale. */
const lerpDepth = (t: number): Lab => {
  const i = Math.min(8, Math.floor(t));
  const f = t - i;
  const a = DEPTH_LAB[i]!;
  const b = DEPTH_LAB[i + 1]!;
  return { L: a.L + (b.L - a.L) * f, a: a.a + (b.a - a.a) * f, b: a.b + (b.b - a.b) * f };
};
const UNDERTONES = ['neutral', 'warm', 'cool'] as const;
const undertoneShift = { cool: { a: 2, b: -4 }, neutral: { a: 0, b: 0 }, warm: { a: -1, b: 4 } };
const round2 = (v: number): number => Math.round(v * 100) / 100;

for (const line of COMPLEXION_LINES) {
  const brand = BRANDS.find((b) => b.code === line.brand)!;
  const sku = addProduct(
    brand,
    line.step,
    line.name,
    line.base,
    line.claim,
    line.step === 'foundation'
      ? ['Glycerin', 'Dimethicone', 'CI 77491']
      : ['Dimethicone', 'CI 77891', 'CI 77492'],
  );
  attributes.push([
    sku,
    'all',
    '',
    line.step === 'foundation' ? 'Glycerin; Dimethicone; CI 77491' : 'Dimethicone; CI 77891; CI 77492',
    brand.gentle ? 'yes' : 'no',
    'yes',
    'no',
    'no',
    '',
  ]);
  for (let i = 0; i < line.shades; i++) {
    const t =
      line.range === 'full' ? (9 * Math.floor(i / 3)) / (line.shades / 3 - 1) : (9 * i) / (line.shades - 1);
    const undertone = UNDERTONES[i % 3]!;
    const base = lerpDepth(t);
    const shift = undertoneShift[undertone];
    const lab = { L: round2(base.L), a: round2(base.a + shift.a), b: round2(base.b + shift.b) };
    const depth = Math.round(t) + 1;
    const code = `${depth}${String(i + 1).padStart(2, '0')}${undertone[0]!.toUpperCase()}`;
    shades.push([
      sku,
      code,
      `${code} ${DEPTH_WORDS[depth - 1]}`,
      srgbToHex(labToSrgb(lab)),
      undertone,
      depth,
      lab.L,
      lab.a,
      lab.b,
    ]);
  }
}

async function main(): Promise<void> {
  rmSync(sourceDir, { recursive: true, force: true });
  mkdirSync(path.join(sourceDir, 'images'), { recursive: true });
  writeFileSync(
    path.join(sourceDir, 'products.csv'),
    csv(
      [
        'sku',
        'gtin',
        'brand',
        'name',
        'step',
        'description',
        'size',
        'price',
        'currency',
        'image',
        'product_url',
        'availability',
        'store_availability',
      ],
      products,
    ),
  );
  writeFileSync(
    path.join(sourceDir, 'attributes.csv'),
    csv(
      [
        'sku',
        'skin_types',
        'concerns',
        'key_ingredients',
        'fragrance_free',
        'non_comedogenic',
        'vegan',
        'pregnancy_safe',
        'spf',
      ],
      attributes,
    ),
  );
  writeFileSync(
    path.join(sourceDir, 'shades.csv'),
    csv(['sku', 'shade_code', 'shade_name', 'hex', 'undertone', 'depth', 'lab_l', 'lab_a', 'lab_b'], shades),
  );
  for (const { file, svg } of images) {
    await sharp(Buffer.from(svg))
      .resize(96, 96)
      .webp({ quality: 70, effort: 6 })
      .toFile(path.join(sourceDir, file));
  }

  rmSync(feedDir, { recursive: true, force: true });
  const { privateKeyPem, publicKeyPem } = generateFeedKeyPair();
  const result = await publishCatalog({
    inputs: {
      products: path.join(sourceDir, 'products.csv'),
      attributes: path.join(sourceDir, 'attributes.csv'),
      shades: path.join(sourceDir, 'shades.csv'),
    },
    privateKeyPem,
    outDir: feedDir,
  });
  writeFileSync(path.join(here, 'demo-catalog-public.pem'), publicKeyPem);
  if (result.issues.length > 0 || result.warnings.length > 0) {
    throw new Error(
      `demo catalog has problems: ${JSON.stringify([...result.issues, ...result.warnings]).slice(0, 2000)}`,
    );
  }
  console.log(
    `demo catalog ${result.version}: ${result.rowCount} products, ${shades.length} shades, ${images.length} images`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
