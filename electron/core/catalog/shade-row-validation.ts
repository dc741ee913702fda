import { Undertone } from '../../shared/schemas/skin-profile-schemas';
import { hexToSrgb, srgbToLab } from '../color/color-spaces';
import type { ShadeRecord } from './catalog-record';
import { parseSku, parseText } from './row-fields';
import type { RowIssue, SourceRow } from './row-validation';

/** Columns of the shades file: one row per shade of a foundation or concealer. */
export const SHADE_COLUMNS = [
  'sku',
  'shade_code',
  'shade_name',
  'hex',
  'undertone',
  'depth',
  'lab_l',
  'lab_a',
  'lab_b',
] as const;
export type ShadeColumn = (typeof SHADE_COLUMNS)[number];

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Validates one shade row. CIELAB is taken from `lab_l/lab_a/lab_b` when the brand publishes measured
 * values (a swatch hex is only an approximation of the product on skin), else derived from the hex.
 */
export function validateShadeRow(
  row: SourceRow<ShadeColumn>,
): { sku: string; shade: ShadeRecord } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const skuParsed = parseSku(row.cells.sku?.value ?? '');
  const sku = skuParsed.ok ? skuParsed.value : null;
  const fail = (column: ShadeColumn, reason: string): void => {
    const cell = row.cells[column];
    issues.push({
      file: cell?.file ?? row.file,
      line: cell?.line ?? row.line,
      column: cell?.label ?? column,
      sku,
      reason,
    });
  };
  const value = (column: ShadeColumn): string => row.cells[column]?.value.trim() ?? '';

  if (!skuParsed.ok) fail('sku', skuParsed.reason);
  const code = parseText(value('shade_code'), 32, false);
  if (!code.ok) fail('shade_code', code.reason);
  const name = parseText(value('shade_name'), 80, true);
  if (!name.ok) fail('shade_name', name.reason);
  const hex = value('hex').toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(hex)) fail('hex', `"${value('hex')}" is not a colour like #c68d6a`);
  const undertone = Undertone.safeParse(value('undertone').toLowerCase());
  if (!undertone.success)
    fail('undertone', `"${value('undertone')}" is not one of ${Undertone.options.join(', ')}`);
  const depth = Number(value('depth'));
  if (!/^\d{1,2}$/.test(value('depth')) || depth < 1 || depth > 10)
    fail('depth', 'must be a Monk tone from 1 to 10');

  const labCells = (['lab_l', 'lab_a', 'lab_b'] as const).map((column) => value(column));
  let lab: ShadeRecord['lab'] | null = null;
  if (labCells.some((cell) => cell !== '')) {
    const [L, a, b] = labCells.map(Number) as [number, number, number];
    if (labCells.some((cell) => cell === '' || !Number.isFinite(Number(cell)))) {
      fail('lab_l', 'give all three of lab_l, lab_a, lab_b as numbers, or none');
    } else if (L < 0 || L > 100 || Math.abs(a) > 128 || Math.abs(b) > 128) {
      fail('lab_l', `L*a*b* (${L}, ${a}, ${b}) is out of range`);
    } else {
      lab = { L, a, b };
    }
  } else if (/^#[0-9a-f]{6}$/.test(hex)) {
    const derived = srgbToLab(hexToSrgb(hex));
    lab = { L: round2(derived.L), a: round2(derived.a), b: round2(derived.b) };
  }

  if (issues.length > 0 || !sku || !name.ok || !code.ok || !undertone.success || !lab) return { issues };
  return {
    sku,
    shade: { code: code.value, name: name.value ?? '', hex, lab, undertone: undertone.data, depth },
  };
}
