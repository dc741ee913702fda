import { invalidRequest, missingParam } from './emulator-errors';
import type { FormObject, FormValue } from './form-body-parser';

/** Typed reads of form parameters with Stripe's error messages for missing or malformed ones. */
export function optionalString(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidRequest(`Invalid string: ${name}`, 'parameter_invalid_string', name);
  return value;
}

export function requiredString(params: FormObject, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') throw missingParam(name);
  return value;
}

export function optionalInteger(params: FormObject, name: string): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw invalidRequest(`Invalid integer: ${value}`, 'parameter_invalid_integer', name);
  return Number(value);
}

export function requiredInteger(params: FormObject, name: string): number {
  const value = optionalInteger(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function stringArray(params: FormObject, name: string): string[] | undefined {
  const value: FormValue | undefined = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidRequest(`Invalid array: ${name}`, 'parameter_invalid_array', name);
  }
  return value as string[];
}

/** `metadata[key]=value` pairs: at most 50 keys of 40 characters, values of 500 characters. */
export function metadata(params: FormObject, name = 'metadata'): Record<string, string> | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidRequest('Invalid metadata', undefined, name);
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalidRequest('Metadata can have at most 50 keys.', undefined, name);
  for (const [k, v] of entries) {
    if (typeof v !== 'string' || k.length > 40 || v.length > 500) {
      throw invalidRequest(`Invalid metadata value for key ${k}.`, undefined, `${name}[${k}]`);
    }
  }
  // fromEntries defines own properties, so a key such as `__proto__` stays a key.
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The `expand[]` list, as sent in a POST body or a GET query. */
export const expandList = (params: FormObject): string[] => stringArray(params, 'expand') ?? [];
