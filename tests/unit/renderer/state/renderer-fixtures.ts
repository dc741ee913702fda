import type { Frame, QualityReport } from '../../../../electron/shared/schemas/analysis-schemas';
import type { ProductSummary, Routine } from '../../../../electron/shared/schemas/catalog-schemas';
import type { Cart } from '../../../../electron/shared/schemas/checkout-schemas';
import type { SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';

export const product = (
  sku: string,
  amountMinor: number,
  extra: Partial<ProductSummary> = {},
): ProductSummary => ({
  sku,
  brand: 'Lumen Lab',
  name: `Product ${sku}`,
  step: 'serum',
  size: '30 ml',
  price: { amountMinor, currency: 'USD' },
  imageUrl: null,
  inStock: true,
  concerns: [],
  flags: [],
  spf: null,
  ...extra,
});

export const ROUTINE: Routine = {
  catalogVersion: 'test',
  total: null,
  slots: [
    {
      step: 'cleanser',
      when: 'am_pm',
      optional: false,
      picks: [{ product: product('CLN', 1000, { step: 'cleanser' }), reasons: [] }],
    },
    {
      step: 'serum',
      when: 'am_pm',
      optional: false,
      picks: [
        { product: product('SER-A', 2500), reasons: [] },
        { product: product('SER-B', 1500), reasons: [] },
      ],
    },
    {
      step: 'eye',
      when: 'pm',
      optional: true,
      picks: [{ product: product('EYE', 3000, { step: 'eye' }), reasons: [] }],
    },
  ],
};

export const PROFILE: SkinProfile = {
  source: 'scan',
  type: 'combination',
  sensitive: false,
  tone: null,
  metrics: [
    { key: 'redness', score: 72, confidence: 0.9 },
    { key: 'pores', score: 20, confidence: 0.8 },
    { key: 'wrinkles', score: 45, confidence: 0.2 },
  ],
  concerns: [{ concern: 'redness', weight: 1 }],
  meta: null,
};

export const frame = (side = 4): Frame => ({
  width: side,
  height: side,
  data: new Uint8Array(side * side * 4),
});

export const report = (
  ready: boolean,
  hints: QualityReport['hints'] = ready ? [] : ['move_closer'],
): QualityReport => ({
  faceCount: 1,
  faceBox: { x: 0.3, y: 0.2, width: 0.4, height: 0.5 },
  hints,
  ready,
  measures: {},
});

export const pricedCart = (lines: [string, number, number][]): Cart => {
  const total = lines.reduce((n, [, unit, q]) => n + unit * q, 0);
  return {
    lines: lines.map(([sku, unit, quantity]) => ({
      product: product(sku, unit),
      quantity,
      lineTotal: { amountMinor: unit * quantity, currency: 'USD' },
    })),
    subtotal: { amountMinor: total, currency: 'USD' },
    tax: null,
    total: { amountMinor: total, currency: 'USD' },
    taxDisplay: 'included',
    changes: [],
  };
};
