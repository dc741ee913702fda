import type { z } from 'zod';

/**
 * What the tests that walk the IPC contract read of zod 4's internal schema definitions (zod has no
 * public reflection API): the contract-bounds check and the fuzz generator.
 */
export interface ZodCheck {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
}

export interface ZodDef {
  type: string;
  checks?: { _zod: { def: ZodCheck } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  left?: z.ZodType;
  right?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

export const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

export const checksOf = (def: ZodDef): ZodCheck[] => (def.checks ?? []).map((c) => c._zod.def);
