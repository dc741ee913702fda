/**
 * How QR codes are drawn. A phone reads a code off a screen by its module size, so the symbol is
 * kept as small in modules as the text allows: the smallest version that holds the text, and
 * within that version the highest error-correction level that still fits (free robustness
 * against glare). Texts longer than a version-10 symbol (57 × 57 modules) fall back to level L.
 */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/** Byte-mode capacity of versions 1–10 per level (ISO/IEC 18004, table 7). */
const BYTE_CAPACITY: Record<QrErrorLevel, readonly number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
};

/** Four modules of quiet zone on every side, as the standard requires. */
export const QR_QUIET_ZONE_MODULES = 4;

/** Longest text the kiosk renders: byte mode at level L tops out at 2953 bytes (version 40). */
export const QR_MAX_BYTES = 2953;

/** The smallest version (1–10) that holds `bytes` at `level`, or null beyond version 10. */
export function minimalVersion(bytes: number, level: QrErrorLevel): number | null {
  const i = BYTE_CAPACITY[level].findIndex((capacity) => bytes <= capacity);
  return i < 0 ? null : i + 1;
}

export function chooseErrorLevel(text: string): QrErrorLevel {
  const bytes = new TextEncoder().encode(text).length;
  const version = minimalVersion(bytes, 'L');
  if (version === null) return 'L';
  const levels: QrErrorLevel[] = ['H', 'Q', 'M'];
  return levels.find((level) => minimalVersion(bytes, level) === version) ?? 'L';
}
