import type { RoutineStep } from '../../shared/schemas/catalog-schemas';
import type { Concern, SkinType } from '../../shared/schemas/skin-profile-schemas';

/**
 * Words retailers use in their own data, mapped onto our vocabulary. Source files are written by
 * people and exported by shop systems, so "moisturiser", "Eye Cream" and "hyperpigmentation" must
 * land on the same values as `moisturizer`, `eye` and `dark_spots`.
 */
const STEP_WORDS: ReadonlyArray<readonly [RoutineStep, readonly string[]]> = [
  [
    'cleanser',
    ['cleanser', 'cleansers', 'cleansing', 'face wash', 'facial wash', 'cleansing oil', 'cleansing balm'],
  ],
  ['toner', ['toner', 'toners', 'tonic', 'essence', 'mist']],
  ['serum', ['serum', 'serums', 'ampoule', 'booster']],
  ['treatment', ['treatment', 'treatments', 'spot treatment', 'exfoliant', 'peel', 'acne treatment']],
  [
    'moisturizer',
    [
      'moisturizer',
      'moisturiser',
      'moisturizers',
      'moisturisers',
      'face cream',
      'cream',
      'lotion',
      'gel cream',
    ],
  ],
  ['sunscreen', ['sunscreen', 'sunscreens', 'sun care', 'suncare', 'sun protection', 'spf']],
  ['eye', ['eye', 'eye cream', 'eye care', 'eye serum', 'eye gel']],
  ['mask', ['mask', 'masks', 'face mask', 'sheet mask', 'sleeping mask']],
  ['foundation', ['foundation', 'foundations', 'skin tint', 'tinted moisturizer', 'bb cream', 'cc cream']],
  ['concealer', ['concealer', 'concealers']],
];

const CONCERN_WORDS: ReadonlyArray<readonly [Concern, readonly string[]]> = [
  ['texture', ['texture', 'rough texture', 'smoothing', 'bumpy skin']],
  ['pores', ['pores', 'pore', 'enlarged pores', 'visible pores', 'blackheads']],
  ['dark_spots', ['dark_spots', 'dark spots', 'hyperpigmentation', 'pigmentation', 'sun spots', 'age spots']],
  ['redness', ['redness', 'rosacea', 'irritation', 'flushing']],
  ['wrinkles', ['wrinkles', 'fine lines', 'lines', 'anti-aging', 'anti-ageing', 'firmness']],
  ['oiliness', ['oiliness', 'oil', 'oily', 'shine', 'excess oil', 'sebum']],
  ['uneven_tone', ['uneven_tone', 'uneven tone', 'uneven skin tone', 'discoloration', 'discolouration']],
  ['dark_circles', ['dark_circles', 'dark circles', 'puffiness', 'under-eye']],
  ['dryness', ['dryness', 'dry', 'dehydration', 'dehydrated', 'hydration', 'flakiness']],
  ['acne', ['acne', 'breakouts', 'blemishes', 'spots', 'pimples']],
  ['dullness', ['dullness', 'dull', 'radiance', 'glow', 'brightening']],
];

/** What a shopper might type when looking for a kind of product, in every kiosk language (en, es). */
export const STEP_SEARCH_TERMS: Readonly<Record<RoutineStep, string>> = {
  cleanser: 'cleanser face wash limpiador',
  toner: 'toner essence tonico esencia',
  serum: 'serum suero',
  treatment: 'treatment exfoliant tratamiento exfoliante',
  moisturizer: 'moisturizer moisturiser cream crema hidratante',
  sunscreen: 'sunscreen sun protection spf protector solar',
  eye: 'eye cream contorno de ojos',
  mask: 'mask mascarilla',
  foundation: 'foundation base de maquillaje',
  concealer: 'concealer corrector',
};

/** What a shopper might type when searching for a concern, in every kiosk language (en, es). */
export const CONCERN_SEARCH_TERMS: Readonly<Record<Concern, string>> = {
  texture: 'texture smooth textura suavizar',
  pores: 'pores blackheads poros puntos negros',
  dark_spots: 'dark spots hyperpigmentation manchas oscuras hiperpigmentacion',
  redness: 'redness rosacea calming rojez rojeces enrojecimiento calmante',
  wrinkles: 'wrinkles fine lines anti aging arrugas lineas de expresion antiedad',
  oiliness: 'oiliness oily skin shine oil control grasa brillo piel grasa',
  uneven_tone: 'uneven tone brightening tono desigual luminosidad',
  dark_circles: 'dark circles puffiness ojeras bolsas',
  dryness: 'dryness hydration moisture sequedad hidratacion',
  acne: 'acne breakouts blemishes acne granos imperfecciones',
  dullness: 'dullness radiance glow opacidad luminosidad',
};

const normalise = (word: string): string =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

const lookup = <T>(table: ReadonlyArray<readonly [T, readonly string[]]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [value, words] of table) for (const word of words) map.set(normalise(word), value);
  return map;
};

const stepLookup = lookup(STEP_WORDS);
const concernLookup = lookup(CONCERN_WORDS);

/** The routine step a word or a Merchant `product_type` path names ("Skin Care > Face Serums"), or null. */
export function stepFromWords(text: string): RoutineStep | null {
  const segments = text.split('>').map(normalise).reverse();
  for (const segment of segments) {
    const exact = stepLookup.get(segment);
    if (exact) return exact;
    // "Hydrating Face Serums": try the longest known phrase inside the segment.
    const words = segment.split(' ');
    for (let size = Math.min(words.length, 3); size >= 1; size--) {
      for (let start = words.length - size; start >= 0; start--) {
        const found = stepLookup.get(words.slice(start, start + size).join(' '));
        if (found) return found;
      }
    }
  }
  return null;
}

/** The concern a word names, or null. */
export function concernFromWord(word: string): Concern | null {
  return concernLookup.get(normalise(word)) ?? null;
}

/**
 * What a retail feed's skin-type label says about a product. A type narrows who it suits; "all skin
 * types" suits everyone; "sensitive" marks it as made for sensitive skin (any type); "mature" and
 * "acne-prone" say what it is for, so they read as concerns.
 */
export type SkinTypeLabel =
  | { kind: 'type'; type: SkinType }
  | { kind: 'all' }
  | { kind: 'sensitive' }
  | { kind: 'concern'; concern: Concern };

const SKIN_TYPE_WORDS: ReadonlyArray<readonly [SkinTypeLabel, readonly string[]]> = [
  [{ kind: 'type', type: 'oily' }, ['oily', 'oil', 'greasy']],
  [{ kind: 'type', type: 'combination' }, ['combination', 'combo', 'mixed']],
  [{ kind: 'type', type: 'normal' }, ['normal', 'balanced']],
  [{ kind: 'type', type: 'dry' }, ['dry', 'very dry', 'extra dry']],
  [{ kind: 'all' }, ['all', 'every', 'any', 'suitable for all', 'for all', 'universal']],
  [
    { kind: 'sensitive' },
    ['sensitive', 'very sensitive', 'reactive', 'sensitised', 'sensitized', 'delicate'],
  ],
  [{ kind: 'concern', concern: 'wrinkles' }, ['mature', 'ageing', 'aging']],
  [{ kind: 'concern', concern: 'acne' }, ['acne prone', 'acne', 'blemish prone', 'breakout prone']],
];
const skinTypeLookup = lookup(SKIN_TYPE_WORDS);

/**
 * The labels in a skin-type cell, in order, with what could not be read. Retail feeds separate them
 * with `;`, `,`, `/`, `|`, "and", "&" or "to" ("normal to dry") and add "skin" or "skin types".
 */
export function skinTypeLabels(cell: string): { labels: SkinTypeLabel[]; unknown: string[] } {
  const labels: SkinTypeLabel[] = [];
  const unknown: string[] = [];
  for (const item of cell.split(/[;,/|]|\s(?:and|&|to)\s/i)) {
    const word = normalise(item).replace(/(?: skin)?(?: types?)?$/, '');
    if (!word) continue;
    const label = skinTypeLookup.get(word);
    if (label) labels.push(label);
    else unknown.push(item.trim());
  }
  return { labels, unknown };
}
