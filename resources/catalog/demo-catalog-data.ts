/**
 * The demo catalog's building blocks. Every brand here is fictional; product names are generic
 * descriptions. The generator combines brands with product archetypes into ~150 products.
 */
import type { RoutineStep } from '../../electron/shared/schemas/catalog-schemas';

export interface DemoBrand {
  code: string;
  name: string;
  /** Body colour of the product images. */
  colour: string;
  /** Price multiplier: budget 0.6 … luxury 2.3. */
  tier: number;
  /** Sensitive-skin brand: everything fragrance-free and free of strong actives. */
  gentle: boolean;
}

export const BRANDS: readonly DemoBrand[] = [
  { code: 'FNX', name: 'Fennix Lab', colour: '#2f6f8f', tier: 1.0, gentle: false },
  { code: 'MGA', name: 'Mossgrove Apothecary', colour: '#4f7a4a', tier: 1.2, gentle: false },
  { code: 'CWR', name: 'Calder & Wren', colour: '#8a5a44', tier: 1.7, gentle: false },
  { code: 'SLT', name: 'Saltmarrow', colour: '#3e6d7c', tier: 1.1, gentle: false },
  { code: 'NVH', name: 'Nuvelle Haus', colour: '#6b4c7a', tier: 2.3, gentle: false },
  { code: 'OKR', name: 'Okaru Skin', colour: '#c0706a', tier: 0.9, gentle: true },
  { code: 'BRF', name: 'Brightfold', colour: '#d69a2d', tier: 0.6, gentle: false },
  { code: 'LKT', name: 'Larkspur Theory', colour: '#7a8aa8', tier: 1.3, gentle: true },
];

export interface Archetype {
  name: string;
  /** `concern:strength` pairs as the attributes file writes them. */
  concerns: string;
  ingredients: readonly string[];
  fragranceFree?: boolean;
  nonComedogenic?: boolean;
  vegan?: boolean;
  pregnancySafe?: boolean;
  skinTypes?: string;
  spf?: number;
  /** Price in USD before the brand's tier. */
  base: number;
  /** How many brands carry this archetype. */
  brands: number;
  /** One-line claim for the description. */
  claim: string;
}

/** Strong actives: a gentle brand never carries these archetypes. */
export const STRONG_ACTIVES = /glycolic|lactic|mandelic|salicylic|retino|retinal|benzoyl/i;

export const ARCHETYPES: Readonly<
  Record<Exclude<RoutineStep, 'foundation' | 'concealer'>, readonly Archetype[]>
> = {
  cleanser: [
    {
      name: 'Gentle Milk Cleanser',
      concerns: 'dryness:0.6; redness:0.4',
      ingredients: ['Glycerin', 'Avena Sativa Kernel Extract', 'Ceramide NP'],
      fragranceFree: true,
      skinTypes: 'dry; normal',
      base: 16,
      brands: 4,
      claim: 'cleanses without stripping and leaves skin soft',
    },
    {
      name: 'Clarifying Gel Cleanser',
      concerns: 'acne:0.8; oiliness:0.6; pores:0.5',
      ingredients: ['Salicylic Acid', 'Zinc PCA', 'Glycerin'],
      nonComedogenic: true,
      skinTypes: 'oily; combination',
      base: 15,
      brands: 4,
      claim: 'clears excess oil and helps keep pores clean',
    },
    {
      name: 'Foaming Rice Cleanser',
      concerns: 'dullness:0.5; oiliness:0.4',
      ingredients: ['Oryza Sativa Bran Extract', 'Glycerin', 'Coco-Glucoside'],
      vegan: true,
      skinTypes: 'normal; combination; oily',
      base: 13,
      brands: 4,
      claim: 'a soft foam for a fresh, bright finish',
    },
    {
      name: 'Cleansing Balm',
      concerns: 'dryness:0.5',
      ingredients: ['Caprylic/Capric Triglyceride', 'Squalane', 'Tocopherol'],
      fragranceFree: true,
      base: 22,
      brands: 3,
      claim: 'melts away sunscreen and make-up',
    },
    {
      name: 'Calming Cream Cleanser',
      concerns: 'redness:0.8; dryness:0.3',
      ingredients: ['Centella Asiatica Extract', 'Panthenol', 'Allantoin'],
      fragranceFree: true,
      nonComedogenic: true,
      pregnancySafe: true,
      base: 17,
      brands: 4,
      claim: 'a low-foam cream that leaves reactive skin calm',
    },
    {
      name: 'Exfoliating Cleanser',
      concerns: 'texture:0.7; dullness:0.5',
      ingredients: ['Glycolic Acid', 'Lactic Acid', 'Glycerin'],
      skinTypes: 'normal; combination; oily',
      base: 18,
      brands: 3,
      claim: 'a daily polish for smoother skin',
    },
  ],
  toner: [
    {
      name: 'Hydrating Essence Toner',
      concerns: 'dryness:0.7',
      ingredients: ['Sodium Hyaluronate', 'Glycerin', 'Panthenol'],
      fragranceFree: true,
      vegan: true,
      pregnancySafe: true,
      base: 16,
      brands: 4,
      claim: 'a watery first layer of moisture',
    },
    {
      name: 'Pore Refining Toner',
      concerns: 'pores:0.7; oiliness:0.6',
      ingredients: ['Niacinamide', 'Zinc PCA', 'Hamamelis Virginiana Water'],
      nonComedogenic: true,
      skinTypes: 'oily; combination',
      base: 14,
      brands: 4,
      claim: 'tightens the look of pores and balances shine',
    },
    {
      name: 'Glow Acid Toner',
      concerns: 'texture:0.7; dullness:0.6',
      ingredients: ['Lactic Acid', 'Gluconolactone', 'Aloe Barbadensis Leaf Juice'],
      base: 19,
      brands: 3,
      claim: 'gently resurfaces for a smoother glow',
    },
    {
      name: 'Soothing Mist',
      concerns: 'redness:0.6; dryness:0.3',
      ingredients: ['Centella Asiatica Extract', 'Madecassoside', 'Glycerin'],
      fragranceFree: true,
      pregnancySafe: true,
      base: 15,
      brands: 3,
      claim: 'a cooling mist for skin that flushes easily',
    },
  ],
  serum: [
    {
      name: 'Niacinamide 10% Serum',
      concerns: 'pores:0.8; oiliness:0.7; uneven_tone:0.5',
      ingredients: ['Niacinamide', 'Zinc PCA'],
      fragranceFree: true,
      nonComedogenic: true,
      vegan: true,
      pregnancySafe: true,
      base: 14,
      brands: 4,
      claim: 'refines pores and evens tone',
    },
    {
      name: 'Vitamin C Brightening Serum',
      concerns: 'dark_spots:0.8; dullness:0.8; uneven_tone:0.6',
      ingredients: ['Ascorbic Acid', 'Tocopherol', 'Ferulic Acid'],
      vegan: true,
      base: 28,
      brands: 4,
      claim: 'brightens and fades the look of dark spots',
    },
    {
      name: 'Hyaluronic Hydration Serum',
      concerns: 'dryness:0.9',
      ingredients: ['Sodium Hyaluronate', 'Glycerin', 'Panthenol'],
      fragranceFree: true,
      nonComedogenic: true,
      vegan: true,
      pregnancySafe: true,
      base: 18,
      brands: 4,
      claim: 'plumps with layered hydration',
    },
    {
      name: 'Retinol Night Serum',
      concerns: 'wrinkles:0.9; texture:0.6',
      ingredients: ['Retinol', 'Squalane', 'Bisabolol'],
      fragranceFree: true,
      base: 32,
      brands: 4,
      claim: 'smooths fine lines overnight',
    },
    {
      name: 'Peptide Firming Serum',
      concerns: 'wrinkles:0.7; texture:0.3',
      ingredients: ['Palmitoyl Tripeptide-1', 'Acetyl Hexapeptide-8', 'Sodium Hyaluronate'],
      fragranceFree: true,
      pregnancySafe: true,
      base: 30,
      brands: 4,
      claim: 'firms and softens the look of lines',
    },
    {
      name: 'Centella Calming Serum',
      concerns: 'redness:0.9; dryness:0.3',
      ingredients: ['Centella Asiatica Extract', 'Madecassoside', 'Panthenol'],
      fragranceFree: true,
      nonComedogenic: true,
      pregnancySafe: true,
      base: 22,
      brands: 4,
      claim: 'calms visible redness',
    },
    {
      name: 'Tranexamic Tone Serum',
      concerns: 'dark_spots:0.8; uneven_tone:0.7',
      ingredients: ['Tranexamic Acid', 'Niacinamide', 'Alpha-Arbutin'],
      fragranceFree: true,
      base: 26,
      brands: 4,
      claim: 'targets stubborn dark spots',
    },
    {
      name: 'Bakuchiol Smoothing Serum',
      concerns: 'wrinkles:0.6; texture:0.5',
      ingredients: ['Bakuchiol', 'Squalane'],
      fragranceFree: true,
      vegan: true,
      pregnancySafe: true,
      base: 27,
      brands: 3,
      claim: 'a gentle alternative to retinol',
    },
    {
      name: 'Azelaic Clarifying Serum',
      concerns: 'acne:0.7; redness:0.6; uneven_tone:0.5',
      ingredients: ['Azelaic Acid', 'Niacinamide'],
      nonComedogenic: true,
      base: 24,
      brands: 3,
      claim: 'clears blemishes and calms redness',
    },
  ],
  treatment: [
    {
      name: 'BHA Pore Treatment',
      concerns: 'acne:0.8; pores:0.8; oiliness:0.6',
      ingredients: ['Salicylic Acid', 'Niacinamide'],
      nonComedogenic: true,
      skinTypes: 'oily; combination; normal',
      base: 20,
      brands: 4,
      claim: 'unclogs pores and prevents breakouts',
    },
    {
      name: 'AHA Resurfacing Treatment',
      concerns: 'texture:0.9; dullness:0.7; dark_spots:0.4',
      ingredients: ['Glycolic Acid', 'Lactic Acid'],
      base: 24,
      brands: 4,
      claim: 'resurfaces rough, dull skin',
    },
    {
      name: 'Blemish Spot Gel',
      concerns: 'acne:0.9',
      ingredients: ['Benzoyl Peroxide', 'Allantoin'],
      nonComedogenic: true,
      base: 12,
      brands: 3,
      claim: 'targets single blemishes fast',
    },
    {
      name: 'Dark Spot Corrector',
      concerns: 'dark_spots:0.9; uneven_tone:0.6',
      ingredients: ['Tranexamic Acid', 'Kojic Acid', 'Niacinamide'],
      fragranceFree: true,
      base: 29,
      brands: 3,
      claim: 'a concentrated treatment for dark spots',
    },
    {
      name: 'Barrier Repair Treatment',
      concerns: 'dryness:0.7; redness:0.6',
      ingredients: ['Ceramide NP', 'Cholesterol', 'Phytosphingosine'],
      fragranceFree: true,
      pregnancySafe: true,
      base: 26,
      brands: 2,
      claim: 'restores a stressed skin barrier',
    },
  ],
  moisturizer: [
    {
      name: 'Oil-Free Gel Cream',
      concerns: 'oiliness:0.5; dryness:0.4',
      ingredients: ['Sodium Hyaluronate', 'Niacinamide', 'Glycerin'],
      fragranceFree: true,
      nonComedogenic: true,
      vegan: true,
      skinTypes: 'oily; combination',
      base: 22,
      brands: 4,
      claim: 'weightless moisture with a matte finish',
    },
    {
      name: 'Barrier Cream',
      concerns: 'dryness:0.9; redness:0.4',
      ingredients: ['Ceramide NP', 'Squalane', 'Cholesterol'],
      fragranceFree: true,
      pregnancySafe: true,
      skinTypes: 'dry; normal',
      base: 26,
      brands: 4,
      claim: 'rich, long-lasting comfort for dry skin',
    },
    {
      name: 'Daily Balance Lotion',
      concerns: 'dryness:0.5',
      ingredients: ['Glycerin', 'Panthenol', 'Squalane'],
      nonComedogenic: true,
      skinTypes: 'normal; combination',
      base: 18,
      brands: 4,
      claim: 'an everyday lotion that absorbs fast',
    },
    {
      name: 'Calming Moisturizer',
      concerns: 'redness:0.8; dryness:0.5',
      ingredients: ['Centella Asiatica Extract', 'Allantoin', 'Glycerin'],
      fragranceFree: true,
      nonComedogenic: true,
      pregnancySafe: true,
      base: 24,
      brands: 4,
      claim: 'soothes and hydrates reactive skin',
    },
    {
      name: 'Renewing Night Cream',
      concerns: 'wrinkles:0.6; dryness:0.6',
      ingredients: ['Palmitoyl Tripeptide-1', 'Butyrospermum Parkii Butter', 'Squalane'],
      base: 34,
      brands: 4,
      claim: 'a cushiony night cream that smooths',
    },
    {
      name: 'Radiance Cream',
      concerns: 'dullness:0.6; uneven_tone:0.5; dryness:0.4',
      ingredients: ['Niacinamide', 'Glycyrrhiza Glabra Root Extract', 'Glycerin'],
      vegan: true,
      base: 28,
      brands: 4,
      claim: 'moisturises for an even, radiant look',
    },
  ],
  sunscreen: [
    {
      name: 'Invisible Fluid SPF 50',
      concerns: 'oiliness:0.3; dark_spots:0.4',
      ingredients: ['Ethylhexyl Triazone', 'Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine', 'Silica'],
      nonComedogenic: true,
      spf: 50,
      base: 22,
      brands: 4,
      claim: 'sheer, high protection for every day',
    },
    {
      name: 'Mineral Shield SPF 30',
      concerns: 'redness:0.4',
      ingredients: ['Zinc Oxide', 'Titanium Dioxide'],
      fragranceFree: true,
      pregnancySafe: true,
      spf: 30,
      base: 20,
      brands: 3,
      claim: 'gentle mineral protection',
    },
    {
      name: 'Hydrating Sun Cream SPF 50',
      concerns: 'dryness:0.5; dark_spots:0.3',
      ingredients: ['Glycerin', 'Sodium Hyaluronate', 'Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine'],
      fragranceFree: true,
      spf: 50,
      skinTypes: 'dry; normal',
      base: 24,
      brands: 3,
      claim: 'protection with a dewy, hydrated finish',
    },
    {
      name: 'Tinted Mineral SPF 40',
      concerns: 'uneven_tone:0.5; redness:0.3',
      ingredients: ['Zinc Oxide', 'CI 77491', 'CI 77492'],
      fragranceFree: true,
      pregnancySafe: true,
      spf: 40,
      base: 26,
      brands: 2,
      claim: 'a sheer tint that evens and protects',
    },
    {
      name: 'Daily Matte SPF 30',
      concerns: 'oiliness:0.5; pores:0.3',
      ingredients: ['Silica', 'Niacinamide', 'Ethylhexyl Triazone'],
      nonComedogenic: true,
      spf: 30,
      skinTypes: 'oily; combination',
      base: 19,
      brands: 3,
      claim: 'keeps shine down all day',
    },
    {
      name: 'Everyday Glow SPF 15',
      concerns: 'dullness:0.4',
      ingredients: ['Glycerin', 'Mica'],
      spf: 15,
      base: 16,
      brands: 1,
      claim: 'light protection with a glow',
    },
  ],
  eye: [
    {
      name: 'Caffeine Eye Gel',
      concerns: 'dark_circles:0.8',
      ingredients: ['Caffeine', 'Niacinamide', 'Sodium Hyaluronate'],
      fragranceFree: true,
      vegan: true,
      base: 16,
      brands: 3,
      claim: 'de-puffs and brightens tired eyes',
    },
    {
      name: 'Peptide Eye Cream',
      concerns: 'wrinkles:0.7; dark_circles:0.4',
      ingredients: ['Palmitoyl Tripeptide-1', 'Ceramide NP'],
      fragranceFree: true,
      pregnancySafe: true,
      base: 28,
      brands: 3,
      claim: 'smooths fine lines around the eyes',
    },
    {
      name: 'Brightening Eye Cream',
      concerns: 'dark_circles:0.7; dullness:0.3',
      ingredients: ['Ascorbyl Glucoside', 'Niacinamide'],
      fragranceFree: true,
      base: 24,
      brands: 2,
      claim: 'lightens the look of dark circles',
    },
    {
      name: 'Retinal Eye Cream',
      concerns: 'wrinkles:0.9',
      ingredients: ['Retinal', 'Squalane'],
      fragranceFree: true,
      base: 36,
      brands: 2,
      claim: 'a targeted retinoid for crow\u2019s feet',
    },
  ],
  mask: [
    {
      name: 'Clay Detox Mask',
      concerns: 'oiliness:0.8; pores:0.7',
      ingredients: ['Kaolin', 'Bentonite', 'Niacinamide'],
      nonComedogenic: true,
      vegan: true,
      skinTypes: 'oily; combination; normal',
      base: 18,
      brands: 3,
      claim: 'draws out oil and refines pores',
    },
    {
      name: 'Overnight Hydration Mask',
      concerns: 'dryness:0.8; dullness:0.3',
      ingredients: ['Sodium Hyaluronate', 'Squalane', 'Panthenol'],
      fragranceFree: true,
      pregnancySafe: true,
      base: 22,
      brands: 3,
      claim: 'wakes skin up soft and plump',
    },
    {
      name: 'Enzyme Glow Mask',
      concerns: 'dullness:0.8; texture:0.5',
      ingredients: ['Papain', 'Lactic Acid'],
      base: 24,
      brands: 2,
      claim: 'a weekly polish for instant glow',
    },
    {
      name: 'Soothing Gel Mask',
      concerns: 'redness:0.8; dryness:0.4',
      ingredients: ['Centella Asiatica Extract', 'Aloe Barbadensis Leaf Juice'],
      fragranceFree: true,
      vegan: true,
      pregnancySafe: true,
      base: 17,
      brands: 2,
      claim: 'cools and calms in ten minutes',
    },
  ],
};

export interface ComplexionLine {
  brand: string;
  step: 'foundation' | 'concealer';
  name: string;
  base: number;
  /**
   * How the shades are laid out over the Monk scale: `full` has every depth in all three undertones,
   * `interpolated` walks from Monk 1 to 10 in even steps, cycling the undertone.
   */
  range: 'full' | 'interpolated';
  shades: number;
  claim: string;
}

export const COMPLEXION_LINES: readonly ComplexionLine[] = [
  {
    brand: 'NVH',
    step: 'foundation',
    name: 'Skin-Perfect Serum Foundation',
    base: 22,
    range: 'full',
    shades: 36,
    claim: 'a serum foundation with natural coverage',
  },
  {
    brand: 'BRF',
    step: 'foundation',
    name: 'Everyday Satin Foundation',
    base: 20,
    range: 'interpolated',
    shades: 30,
    claim: 'medium coverage with a satin finish',
  },
  {
    brand: 'OKR',
    step: 'foundation',
    name: 'Second Skin Tint',
    base: 22,
    range: 'interpolated',
    shades: 12,
    claim: 'a sheer tint that lets skin show through',
  },
  {
    brand: 'FNX',
    step: 'foundation',
    name: 'Matte Longwear Foundation',
    base: 26,
    range: 'interpolated',
    shades: 24,
    claim: 'full coverage that lasts through the day',
  },
  {
    brand: 'SLT',
    step: 'foundation',
    name: 'Hydra Glow Foundation',
    base: 24,
    range: 'interpolated',
    shades: 20,
    claim: 'a luminous, hydrating finish',
  },
  {
    brand: 'CWR',
    step: 'concealer',
    name: 'Radiant Concealer',
    base: 16,
    range: 'interpolated',
    shades: 15,
    claim: 'brightens and covers without creasing',
  },
  {
    brand: 'BRF',
    step: 'concealer',
    name: 'Full Cover Concealer',
    base: 18,
    range: 'interpolated',
    shades: 12,
    claim: 'high coverage for spots and shadows',
  },
  {
    brand: 'LKT',
    step: 'concealer',
    name: 'Soft Focus Concealer',
    base: 15,
    range: 'interpolated',
    shades: 10,
    claim: 'a gentle, fragrance-free concealer',
  },
];

/**
 * Neutral-undertone foundation colours (D65 CIELAB) for Monk depths 1–10. Plausible values for skin
 * and complexion products — lighter skin is pinker, mid tones carry the most chroma — not measurements
 * of any real product. Undertones shift a* and b* from here.
 */
export const DEPTH_LAB: ReadonlyArray<{ L: number; a: number; b: number }> = [
  { L: 84, a: 7, b: 13 },
  { L: 79, a: 8, b: 15 },
  { L: 74, a: 9.5, b: 17 },
  { L: 68, a: 11, b: 18.5 },
  { L: 62, a: 12.5, b: 20 },
  { L: 55, a: 13.5, b: 21 },
  { L: 48, a: 13.5, b: 20 },
  { L: 41, a: 12.5, b: 18 },
  { L: 34, a: 10.5, b: 14.5 },
  { L: 27, a: 8, b: 11 },
];

export const DEPTH_WORDS = [
  'Porcelain',
  'Ivory',
  'Fair',
  'Light',
  'Beige',
  'Sand',
  'Honey',
  'Caramel',
  'Chestnut',
  'Espresso',
];

export const SIZES: Readonly<Record<RoutineStep, string>> = {
  cleanser: '150 ml',
  toner: '200 ml',
  serum: '30 ml',
  treatment: '30 ml',
  moisturizer: '50 ml',
  sunscreen: '50 ml',
  eye: '15 ml',
  mask: '75 ml',
  foundation: '30 ml',
  concealer: '8 ml',
};
