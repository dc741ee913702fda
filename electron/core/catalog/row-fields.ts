import { RoutineStep } from '../../shared/schemas/catalog-schemas';
import { SkinType, type Concern } from '../../shared/schemas/skin-profile-schemas';
import { currencyDigits, decimalToMinor } from '../../shared/money-format';
import {
  Availability,
  ProductSkinType,
  SKU_PATTERN,
  STORE_ID_PATTERN,
  type ConcernStrength,
} from './catalog-record';
import { concernFromWord, skinTypeLabels, stepFromWords } from './catalog-vocabulary';

/**
 * Parsers for one cell of a source file. Each returns the value or a reason a member of staff can act
 * on ("expected a price like 24.00"); the row validator adds the line and column.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** List cells separate items with `;` (INCI names may contain commas, e.g. "1,2-Hexanediol"). */
const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

export function parseText(value: string, max: number, required: boolean): Parsed<string | null> {
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return required ? bad('required, but empty') : ok(null);
  if (text.length > max) return bad(`longer than ${max} characters`);
  return ok(text);
}

export function parseSku(value: string): Parsed<string> {
  const sku = value.trim();
  if (!sku) return bad('required, but empty');
  return SKU_PATTERN.test(sku)
    ? ok(sku)
    : bad(`"${clip(sku)}" is not a SKU (letters, digits, . _ - /, at most 64)`);
}

/** GTIN-8/12/13/14 with its GS1 check digit. */
export function parseGtin(value: string): Parsed<string | null> {
  const gtin = value.trim().replace(/[\s-]/g, '');
  if (!gtin) return ok(null);
  if (!/^(\d{8}|\d{12,14})$/.test(gtin))
    return bad(`"${clip(value)}" is not a GTIN (8, 12, 13 or 14 digits)`);
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, digit, i) => acc + digit * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check ? ok(gtin) : bad(`"${gtin}" has a wrong check digit`);
}

export function parseStep(value: string): Parsed<RoutineStep> {
  if (!value.trim()) return bad(`required, but empty (one of ${RoutineStep.options.join(', ')})`);
  const step = stepFromWords(value);
  return step
    ? ok(step)
    : bad(`"${clip(value)}" is not a routine step (one of ${RoutineStep.options.join(', ')})`);
}

/**
 * A price as `24.00`, `24` or Merchant Center's `24.00 USD`; the currency comes from the cell or,
 * failing that, from the currency column. Stored in the currency's minor units (`money-format.ts`:
 * JPY 0 digits, USD 2, KWD 3). Zeros past the currency's digits are notation, not value
 * (`1200.00 JPY` is ¥1,200); any other digit there is an error, never rounded away.
 */
export function parsePrice(
  value: string,
  currencyCell: string,
): Parsed<{ priceMinor: number; currency: string }> {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,3}))?\s*([A-Za-z]{3})?\s*$/.exec(value);
  if (!match) return bad(`"${clip(value)}" is not a price like 24.00 or 24.00 USD`);
  const currency = (match[3] ?? currencyCell).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return bad('no ISO 4217 currency (add a currency column or write "24.00 USD")');
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const priceMinor = decimalToMinor(match[1] ?? '', fraction, currency);
  if (priceMinor === null) return bad(`${currency} has ${digits} decimal places, "${value.trim()}" has more`);
  return ok({ priceMinor, currency });
}

export function parseAvailability(value: string): Parsed<Availability> {
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (!text) return ok('in_stock');
  const parsed = Availability.safeParse(text);
  return parsed.success
    ? ok(parsed.data)
    : bad(`"${clip(value)}" is not one of ${Availability.options.join(', ')}`);
}

/** `store-a:in_stock; store-b:out_of_stock` */
export function parseStoreAvailability(value: string): Parsed<Record<string, Availability>> {
  const result: Record<string, Availability> = {};
  for (const item of splitList(value)) {
    const [store = '', status = '', ...rest] = item.split(':').map((part) => part.trim());
    if (rest.length > 0 || !STORE_ID_PATTERN.test(store))
      return bad(`"${clip(item)}" is not store:availability`);
    const availability = parseAvailability(status);
    if (!availability.ok || !status)
      return bad(`"${clip(item)}": availability must be one of ${Availability.options.join(', ')}`);
    result[store] = availability.value;
  }
  return ok(result);
}

/**
 * A list cell read leniently: what could be read, and one reason per item that could not (each
 * naming the item), so the row keeps its product and the publisher warns about the rest.
 */
export interface ListParsed<T> {
  value: T;
  dropped: string[];
}

/**
 * Retail skin-type labels (`combination; sensitive`, `Normal to dry`, `All skin types`, `mature`,
 * `acne-prone`). Types come back in vocabulary order, plus `sensitive` when labelled so; an empty
 * cell, "all" or no type at all means every type. "mature" and "acne-prone" come back as concerns.
 */
export function parseSkinTypes(
  value: string,
): ListParsed<{ skinTypes: ProductSkinType[]; concerns: Concern[] }> {
  const { labels, unknown } = skinTypeLabels(value);
  const types = new Set<ProductSkinType>();
  const concerns = new Set<Concern>();
  let all = false;
  for (const label of labels) {
    if (label.kind === 'type') types.add(label.type);
    else if (label.kind === 'sensitive') types.add('sensitive');
    else if (label.kind === 'concern') concerns.add(label.concern);
    else all = true;
  }
  const skinTypes = ProductSkinType.options.filter((t) => types.has(t) && (t === 'sensitive' || !all));
  return {
    value: { skinTypes, concerns: [...concerns] },
    dropped: unknown.map(
      (item) => `"${clip(item)}" is not a skin type (${SkinType.options.join(', ')}, sensitive or all)`,
    ),
  };
}

/** Strength when a concern is listed without one ("redness" alone): a moderate effect. */
export const DEFAULT_CONCERN_STRENGTH = 0.6;

/** `redness:0.8; acne:0.4`, strongest first; an unknown concern or a bad strength drops that item. */
export function parseConcerns(value: string): ListParsed<ConcernStrength[]> {
  const found = new Map<Concern, number>();
  const dropped: string[] = [];
  for (const item of splitList(value)) {
    const [word = '', strengthText, ...rest] = item.split(/[:=]/).map((part) => part.trim());
    const concern = concernFromWord(word);
    if (!concern || rest.length > 0) {
      dropped.push(`"${clip(item)}" is not a concern (e.g. redness:0.8)`);
      continue;
    }
    if (strengthText !== undefined && !/^(0?\.\d+|0|1(\.0+)?)$/.test(strengthText)) {
      dropped.push(`"${clip(item)}": strength must be a number from 0 to 1`);
      continue;
    }
    const strength = strengthText === undefined ? DEFAULT_CONCERN_STRENGTH : Number(strengthText);
    found.set(concern, Math.max(found.get(concern) ?? 0, strength));
  }
  const concerns = [...found].map(([concern, strength]) => ({ concern, strength }));
  concerns.sort((a, b) => b.strength - a.strength || a.concern.localeCompare(b.concern));
  return { value: concerns, dropped };
}

/** `Niacinamide; Zinc PCA` — INCI names, order kept, duplicates dropped. */
export function parseIngredients(value: string): Parsed<string[]> {
  const items = [...new Set(splitList(value).map((item) => item.replace(/\s+/g, ' ')))];
  const tooLong = items.find((item) => item.length > 120);
  if (tooLong) return bad(`"${clip(tooLong)}" is longer than 120 characters`);
  return items.length > 60 ? bad('more than 60 key ingredients') : ok(items);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '']);

export function parseFlag(value: string): Parsed<boolean> {
  const text = value.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return bad(`"${clip(value)}" is not yes or no`);
}

/** `50`, `SPF 50`, `SPF50+`; empty means no sun protection. */
export function parseSpf(value: string): Parsed<number | null> {
  const text = value.trim();
  if (!text) return ok(null);
  const match = /^(?:spf\s*)?(\d{1,3})\+?$/i.exec(text);
  const spf = match ? Number(match[1]) : NaN;
  return spf >= 0 && spf <= 100 ? ok(spf) : bad(`"${clip(value)}" is not an SPF from 0 to 100`);
}

const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export function parseUrl(value: string): Parsed<string | null> {
  const text = value.trim();
  if (!text) return ok(null);
  if (text.length > 2048) return bad('longer than 2048 characters');
  return isHttpUrl(text) ? ok(text) : bad(`"${clip(text)}" is not an http(s) URL`);
}

/** An image is an absolute http(s) URL or a path relative to the source file / feed (no `..`). */
export function parseImageRef(value: string): Parsed<string | null> {
  const text = value.trim();
  if (!text) return ok(null);
  if (text.length > 2048) return bad('longer than 2048 characters');
  if (isHttpUrl(text)) return ok(text);
  const relative = /^(?![/\\])(?!.*(^|[/\\])\.\.?([/\\]|$))[A-Za-z0-9._\-/]+\.(png|jpe?g|webp|avif|gif)$/i;
  return relative.test(text)
    ? ok(text)
    : bad(`"${clip(text)}" is neither an http(s) URL nor a relative image path`);
}

/** A Shopify variant id: digits only. */
export function parseVariantId(value: string): Parsed<string | null> {
  const text = value.trim();
  if (!text) return ok(null);
  return /^\d{1,20}$/.test(text) ? ok(text) : bad(`"${clip(text)}" is not a variant id (digits only)`);
}

/** An affiliate template must be an http(s) URL once `{url}`, `{sku}` and `{affiliateId}` are filled in. */
export function parseAffiliateTemplate(value: string): Parsed<string | null> {
  const text = value.trim();
  if (!text) return ok(null);
  const unknown = text.match(/\{(?!url\}|sku\}|affiliateId\})[^}]*\}/);
  if (unknown) return bad(`unknown placeholder ${unknown[0]} (use {url}, {sku}, {affiliateId})`);
  const filled = text
    .replace('{url}', 'https%3A%2F%2Fx.example')
    .replace('{sku}', 'SKU')
    .replace('{affiliateId}', 'id');
  return isHttpUrl(filled) && text.length <= 2048
    ? ok(text)
    : bad(`"${clip(text)}" is not an http(s) URL template`);
}
