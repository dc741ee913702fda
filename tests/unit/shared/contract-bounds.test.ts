import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../../electron/shared/ipc-contract';
import { checksOf, defOf, type ZodDef as Def } from '../../support/zod-definition';

const hasCheck = (def: Def, check: string) => checksOf(def).some((c) => c.check === check);

/** A pattern bounds a string when it is anchored at both ends and repeats nothing without limit. */
const boundedPattern = (pattern: RegExp | undefined): boolean =>
  !!pattern &&
  pattern.source.startsWith('^') &&
  pattern.source.endsWith('$') &&
  !/(?<!\\)[*+]|\{\d+,\}/.test(pattern.source);

const boundedString = (def: Def): boolean =>
  hasCheck(def, 'max_length') ||
  (def.checks ?? []).some((c) => c._zod.def.check === 'string_format' && boundedPattern(c._zod.def.pattern));

/** Every place in a schema where input of unlimited size would be accepted. */
function unbounded(schema: z.ZodType, path: string, found: string[], seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: z.ZodType | null | undefined, at: string) =>
    child && unbounded(child, at, found, seen);
  switch (def.type) {
    case 'string':
      if (!boundedString(def)) found.push(`${path}: string without a length limit`);
      break;
    case 'array':
      if (!hasCheck(def, 'max_length')) found.push(`${path}: array without a length limit`);
      walk(def.element, `${path}[]`);
      break;
    case 'record':
      // zod has no entry limit for records; a refine must provide one.
      if (!hasCheck(def, 'custom')) found.push(`${path}: record without an entry limit`);
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, `${path}.${key}`);
      break;
    case 'tuple':
      def.items?.forEach((item, i) => walk(item, `${path}[${i}]`));
      if (def.rest) found.push(`${path}: tuple with an unlimited rest`);
      break;
    case 'union':
      def.options?.forEach((option) => walk(option, path));
      break;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      break;
    case 'pipe':
      walk(def.in, path);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      walk(def.innerType, path);
      break;
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'custom':
      break;
    default:
      found.push(`${path}: ${def.type} is not checked by this test`);
  }
  return found;
}

describe('the IPC contract', () => {
  it('limits the size of every free string, array and record a renderer may send', () => {
    const found: string[] = [];
    for (const [name, channel] of Object.entries(channels)) unbounded(channel.input, name, found);
    expect(found).toEqual([]);
  });

  it('refuses an order id of a megabyte, and one with characters no order id has', () => {
    const input = channels['payment:state'].input;
    expect(input.safeParse({ orderId: `ord_${'a'.repeat(32)}` }).success).toBe(true);
    expect(input.safeParse({ orderId: 'x'.repeat(1_000_000) }).success).toBe(false);
    expect(input.safeParse({ orderId: '../../etc/passwd' }).success).toBe(false);
    expect(input.safeParse({ orderId: '' }).success).toBe(false);
  });
});
