/**
 * Parses Stripe's form encoding: `metadata[order_id]=x&payment_method_types[0]=card_present&expand[]=y`
 * into nested objects and arrays, the way Stripe's API reads the bodies its SDKs send.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** Thrown for a body whose keys contradict each other (`a=1&a[b]=2`). */
export class FormParseError extends Error {}

const splitKey = (key: string): string[] => {
  const first = key.indexOf('[');
  if (first < 0) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  for (let m = re.exec(key.slice(first)); m; m = re.exec(key.slice(first))) parts.push(m[1] ?? '');
  return parts;
};

const isIndexObject = (value: FormObject): boolean => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k, i) => k === String(i));
};

/** Objects whose keys are exactly 0..n-1 become arrays, recursively. */
const normalise = (value: FormValue): FormValue => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(normalise);
  const entries = Object.entries(value).map(([k, v]) => [k, normalise(v)] as const);
  const obj = Object.fromEntries(entries) as FormObject;
  return isIndexObject(obj) ? Object.values(obj) : obj;
};

/** Decodes one `application/x-www-form-urlencoded` body (or query string). */
export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, rawValue] of new URLSearchParams(body)) {
    const path = splitKey(rawKey);
    let node: FormObject = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      // `expand[]=a&expand[]=b`: an empty index appends.
      const key = part === '' ? String(Object.keys(node).length) : part;
      if (last) {
        if (typeof node[key] === 'object')
          throw new FormParseError(`parameter ${rawKey} conflicts with a nested one`);
        node[key] = rawValue;
        return;
      }
      const next = node[key];
      if (next === undefined) {
        const created: FormObject = {};
        node[key] = created;
        node = created;
      } else if (typeof next === 'string' || Array.isArray(next)) {
        throw new FormParseError(`parameter ${rawKey} conflicts with ${path.slice(0, i + 1).join('.')}`);
      } else {
        node = next;
      }
    });
  }
  return normalise(root) as FormObject;
}
