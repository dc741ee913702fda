import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { publishCatalog, type PublishResult } from '../../../../electron/adapters/catalog/catalog-publisher';
import { generateFeedKeyPair } from '../../../../electron/adapters/catalog/feed-signing';

/** A scratch folder removed by `cleanup()`. */
export function tempDir(prefix = 'catalog-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestProduct {
  sku: string;
  name?: string;
  brand?: string;
  step?: string;
  price?: string;
  concerns?: string;
  ingredients?: string;
  fragranceFree?: boolean;
  spf?: string;
  availability?: string;
  storeAvailability?: string;
  image?: string;
  description?: string;
  skinTypes?: string;
}

const HEADER =
  'sku,brand,name,step,description,price,currency,image,availability,store_availability,skin_types,concerns,key_ingredients,fragrance_free,spf';
const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes a products CSV in our own column format. */
export function writeProductsCsv(file: string, products: readonly TestProduct[]): void {
  const rows = products.map((p) =>
    [
      p.sku,
      p.brand ?? 'Fennix Lab',
      p.name ?? `Product ${p.sku}`,
      p.step ?? 'serum',
      p.description ?? `About ${p.sku}`,
      p.price ?? '20.00',
      'USD',
      p.image ?? '',
      p.availability ?? 'in_stock',
      p.storeAvailability ?? '',
      p.skinTypes ?? '',
      p.concerns ?? '',
      p.ingredients ?? '',
      p.fragranceFree ? 'yes' : 'no',
      p.spf ?? '',
    ]
      .map(cell)
      .join(','),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
}

/** A tiny real PNG, for image tests. */
export async function pngBytes(colour = '#c08060', size = 32): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** A publisher's workspace: a key pair, a source folder and an output (feed) folder. */
export class TestPublisher {
  readonly keys = generateFeedKeyPair();
  readonly sourceDir: string;
  readonly feedDir: string;

  constructor(root: string) {
    this.sourceDir = path.join(root, 'source');
    this.feedDir = path.join(root, 'feed');
  }

  /** Publishes these products (and optional shades CSV text) into the feed folder. */
  async publish(
    products: readonly TestProduct[],
    shadesCsv?: string,
    now = new Date(),
  ): Promise<PublishResult> {
    const file = path.join(this.sourceDir, 'products.csv');
    writeProductsCsv(file, products);
    let shades: string | null = null;
    if (shadesCsv) {
      shades = path.join(this.sourceDir, 'shades.csv');
      writeFileSync(shades, shadesCsv);
    }
    return publishCatalog({
      inputs: { products: file, shades },
      privateKeyPem: this.keys.privateKeyPem,
      outDir: this.feedDir,
      now,
    });
  }
}

/** `count` generated products with a spread of steps, concerns and prices. */
export function manyProducts(count: number, offset = 0): TestProduct[] {
  const steps = ['cleanser', 'serum', 'moisturizer', 'sunscreen', 'toner', 'treatment', 'eye', 'mask'];
  const concerns = ['redness', 'dryness', 'acne', 'wrinkles', 'dark_spots', 'pores', 'oiliness', 'texture'];
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const step = steps[i % steps.length]!;
    return {
      sku: `P${String(i).padStart(6, '0')}`,
      step,
      price: `${10 + (i % 40)}.00`,
      concerns: `${concerns[i % concerns.length]}:0.${(i % 9) + 1}; ${concerns[(i * 7) % concerns.length]}:0.3`,
      ingredients: i % 11 === 0 ? 'Retinol; Squalane' : 'Glycerin; Niacinamide',
      fragranceFree: i % 3 === 0,
      spf: step === 'sunscreen' ? String(30 + (i % 3) * 10) : '',
    };
  });
}
