/**
 * Parses Stripe's form encoding: `metadata[order_id]=x&payment_method_types[0]=card_present&expand[]=y`
 * into nested objects and arrays, the way Stripe's API reads the bodies its SDKs send.
 *
 * The emulator runs inside the kiosk process in demo mode, so a body must never reach shared
 * objects: every object built here has a null prototype, which makes `__proto__[x]=1` or
 * `constructor[prototype][x]=1` plain keys instead of a path into `Object.prototype`.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** Thrown for a body whose keys contradict each other (`a=1&a[b]=2`) or nest too deeply. */
export class FormParseError extends Error {}

/** Stripe nests parameters a few levels at most (`items[0][price_data][recurring][interval]`). */
const MAX_DEPTH = 8;

const emptyObject = (): FormObject => Object.create(null) as FormObject;

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
  const obj = emptyObject();
  for (const key of Object.keys(value)) obj[key] = normalise(value[key] as FormValue);
  return isIndexObject(obj) ? Object.values(obj) : obj;
};

/** The child of `node` at `key`, as an own property only (never one inherited from a prototype). */
const own = (node: FormObject, key: string): FormValue | undefined =>
  Object.hasOwn(node, key) ? node[key] : undefined;

/** Decodes one `application/x-www-form-urlencoded` body (or query string). */
export function parseFormBody(body: string): FormObject {
  const root = emptyObject();
  for (const [rawKey, rawValue] of new URLSearchParams(body)) {
    const path = splitKey(rawKey);
    if (path.length > MAX_DEPTH) throw new FormParseError(`parameter ${rawKey} is nested too deeply`);
    let node: FormObject = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      // `expand[]=a&expand[]=b`: an empty index appends.
      const key = part === '' ? String(Object.keys(node).length) : part;
      const next = own(node, key);
      if (last) {
        if (typeof next === 'object')
          throw new FormParseError(`parameter ${rawKey} conflicts with a nested one`);
        node[key] = rawValue;
        return;
      }
      if (next === undefined) {
        const created = emptyObject();
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
