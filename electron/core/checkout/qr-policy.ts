/**
 * How QR codes are drawn. The error-correction level is the highest that still fits the text in a
 * version-10 symbol (57 × 57 modules), which a phone reads easily off a kiosk screen at arm's
 * length; longer texts fall back to L so the symbol stays as coarse as possible.
 */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/** Byte-mode capacity of a version-10 symbol per level (ISO/IEC 18004, table 7). */
const VERSION_10_BYTES: [QrErrorLevel, number][] = [
  ['H', 119],
  ['Q', 151],
  ['M', 213],
];

/** Four modules of quiet zone on every side, as the standard requires. */
export const QR_QUIET_ZONE_MODULES = 4;

/** Longest text the kiosk renders: byte mode at level L tops out at 2953 bytes (version 40). */
export const QR_MAX_BYTES = 2953;

export function chooseErrorLevel(text: string): QrErrorLevel {
  const bytes = new TextEncoder().encode(text).length;
  for (const [level, capacity] of VERSION_10_BYTES) if (bytes <= capacity) return level;
  return 'L';
}
