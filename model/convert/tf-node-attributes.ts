import { ConversionError } from './conversion-error';
import type { TfNodeDef } from './tfjs-model-types';

/** Typed readers for a node's attributes; a missing or malformed attribute names the node. */
export class TfNodeAttributes {
  constructor(private readonly node: TfNodeDef) {}

  /** A string attribute (base64 in the JSON), or `fallback` when absent. */
  string(name: string, fallback?: string): string {
    const value = this.node.attr?.[name]?.s;
    if (value === undefined) return this.orFail(name, fallback);
    return Buffer.from(value, 'base64').toString('utf8');
  }

  /** A list-of-strings attribute (e.g. `fused_ops`). */
  strings(name: string): string[] {
    return (this.node.attr?.[name]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
  }

  /** A list-of-ints attribute, or `fallback` when absent. */
  ints(name: string, fallback?: number[]): number[] {
    const list = this.node.attr?.[name]?.list;
    if (list === undefined) return this.orFail(name, fallback);
    return (list.i ?? []).map(Number);
  }

  /** An int attribute, or `fallback` when absent. */
  int(name: string, fallback?: number): number {
    const value = this.node.attr?.[name]?.i;
    return value === undefined ? this.orFail(name, fallback) : Number(value);
  }

  /** A float attribute, or `fallback` when absent. */
  float(name: string, fallback?: number): number {
    const value = this.node.attr?.[name]?.f;
    return value === undefined ? this.orFail(name, fallback) : value;
  }

  /** A dtype attribute such as `DT_FLOAT`, or `undefined`. */
  type(name: string): string | undefined {
    return this.node.attr?.[name]?.type;
  }

  /** The static shape of a Placeholder (`-1` for unknown dimensions). */
  shape(name: string): number[] {
    const shape = this.node.attr?.[name]?.shape;
    if (shape === undefined || shape.unknownRank === true)
      throw new ConversionError(`node '${this.node.name}' has no static '${name}'`);
    return (shape.dim ?? []).map((dim) => Number(dim.size ?? -1));
  }

  /** Fails with a clear message unless the data format is NHWC (the only one tfjs graphs use). */
  requireNhwc(): void {
    const format = this.string('data_format', 'NHWC');
    if (format !== 'NHWC')
      throw new ConversionError(
        `node '${this.node.name}' (${this.node.op}) uses data_format ${format}; only NHWC is supported`,
      );
  }

  private orFail<T>(name: string, fallback: T | undefined): T {
    if (fallback === undefined)
      throw new ConversionError(`node '${this.node.name}' (${this.node.op}) lacks attribute '${name}'`);
    return fallback;
  }
}
