/**
 * The store's accent colour and the text colour that goes on it. WCAG 2 contrast is computed from
 * sRGB relative luminance. White is used when it reaches AA (4.5:1), else the kiosk's near-black
 * ink, else pure black: one of white and black always reaches at least 4.58:1, so any accent a
 * store picks stays readable.
 */

export const INK_DARK = '#1f1a17';
export const INK_LIGHT = '#ffffff';
const INK_BLACK = '#000000';
const AA = 4.5;

const channel = (hex: string, at: number): number => {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of `#rrggbb` (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio between two `#rrggbb` colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The accent fill and the ink that reads best on it. */
export function accentPair(fill: string): { fill: string; ink: string } {
  const normalised = fill.toLowerCase();
  const ink = [INK_LIGHT, INK_DARK].find((c) => contrastRatio(normalised, c) >= AA) ?? INK_BLACK;
  return { fill: normalised, ink };
}
