import fc from 'fast-check';
import type { z } from 'zod';
import { checksOf, defOf, type ZodDef as Def } from '../../support/zod-definition';

/** Bytes every generated camera frame is filled with, so a test can look for them on disk and in logs. */
export const FRAME_CANARY = 'SKFRAMECANARY';

/** A camera frame whose size matches its data, filled with the canary bytes. */
const frameArbitrary = fc
  .record({ width: fc.integer({ min: 1, max: 48 }), height: fc.integer({ min: 1, max: 48 }) })
  .map(({ width, height }) => {
    const data = new Uint8Array(width * height * 4);
    const canary = new TextEncoder().encode(FRAME_CANARY);
    for (let i = 0; i < data.length; i++) data[i] = canary[i % canary.length] ?? 0;
    return { width, height, data };
  });

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 200;
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  // Without its flags (fast-check cannot honour `i`): what matches the lower-case form matches both.
  const base = pattern
    ? fc.stringMatching(new RegExp(pattern.source))
    : fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 200) });
  return base.filter((s) => s.length >= min && s.length <= max);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const int = checks.some((c) => c.check === 'number_format');
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  if (int) {
    const min = low ? (low.value ?? 0) + (low.inclusive ? 0 : 1) : -1000;
    const max = high ? (high.value ?? 0) - (high.inclusive ? 0 : 1) : 100_000;
    return fc.integer({ min, max });
  }
  return fc.double({
    min: low?.value ?? -1000,
    max: high?.value ?? 1000,
    minExcluded: low ? !low.inclusive : false,
    maxExcluded: high ? !high.inclusive : false,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/**
 * Values that the schema accepts (refinements across fields aside), built from the schema itself so
 * every channel added to the contract is fuzzed without writing a generator for it.
 */
export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      if (['width', 'height', 'data'].every((k) => k in shape) && defOf(shape.data!).type === 'custom')
        return frameArbitrary;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v)]));
      const optional = Object.entries(shape)
        .filter(([, v]) => ['optional', 'default', 'prefault'].includes(defOf(v).type))
        .map(([k]) => k);
      return fc.record(fields, { requiredKeys: Object.keys(shape).filter((k) => !optional.includes(k)) });
    }
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array': {
      const checks = checksOf(def);
      const exact = checks.find((c) => c.check === 'length_equals')?.length;
      const min = exact ?? checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = exact ?? Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 8, 8);
      return fc.array(arbitraryFor(def.element!), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(arbitraryFor));
    case 'record':
      return fc.dictionary(arbitraryFor(def.keyType!) as fc.Arbitrary<string>, arbitraryFor(def.valueType!), {
        maxKeys: 6,
      });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(arbitraryFor));
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType!), { nil: null });
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
      return arbitraryFor(def.innerType!);
    case 'pipe':
      return arbitraryFor(def.in!);
    case 'custom':
      return fc.uint8Array({ maxLength: 64 });
    default:
      throw new Error(`no generator for a zod ${def.type}`);
  }
}
