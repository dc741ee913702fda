import fc from 'fast-check';

/** `{ "__proto__": …, "constructor": { "prototype": … } }` as JSON.parse makes it: own keys, not a prototype. */
const prototypeKeys = (): unknown =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":1}');

/** Objects or arrays nested `depth` levels deep (reported by fast-check in one line, not recursively). */
const nested = (depth: number, arrays: boolean): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return Object.defineProperty(value as object, fc.toStringMethod, {
    value: () => `<${arrays ? 'arrays' : 'objects'} nested ${depth} deep>`,
  });
};

/** Values no well-behaved renderer sends, for any field of any payload. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, 0, -1, -0, 1e308, -1e308, 2 ** 53 + 2, '', [], {}, '\ud800', '\u0000'),
  fc.constantFrom(70_000, 1_100_000).map((n) => 'A'.repeat(n)),
  fc.constantFrom(64, 900, 3000).chain((depth) => fc.boolean().map((arrays) => nested(depth, arrays))),
  fc.constant(null).map(prototypeKeys),
  fc.uint8Array({ maxLength: 32 }),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every object and array inside a value, the value itself included, as setter functions. */
function slots(value: unknown): ((replacement: unknown) => unknown)[] {
  const found: ((replacement: unknown) => unknown)[] = [];
  const visit = (node: unknown, set: (v: unknown) => unknown) => {
    found.push(set);
    if (node instanceof Uint8Array || node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      visit((node as Record<string, unknown>)[key], (replacement) =>
        Object.defineProperty(node, key, {
          value: replacement,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      );
    }
  };
  let root = value;
  visit(value, (replacement) => (root = replacement));
  return found.length ? [...found, () => root] : found;
}

/**
 * A valid payload with one place changed for a hostile value, or given an extra key (a prototype
 * key among them). The result of the last setter is the (possibly replaced) root.
 */
export function mutate(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom('replace', 'add', 'prototype'))
    .map(([value, pick, hostile, how]) => {
      const copy = structuredClone(value);
      if (how === 'replace') {
        const setters = slots(copy);
        const getRoot = setters.pop() as () => unknown;
        setters[pick % setters.length]?.(hostile);
        return getRoot();
      }
      if (copy === null || typeof copy !== 'object' || copy instanceof Uint8Array) return hostile;
      const key = how === 'prototype' ? '__proto__' : `extra${pick % 5}`;
      Object.defineProperty(copy, key, {
        value: hostile,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    });
}

/** Anything at all, with binary and prototype keys mixed in. */
export const randomPayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileValue,
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'width', 'data', 'pin', 'items', 'orderId'),
    hostileValue,
    {
      maxKeys: 4,
    },
  ),
);
