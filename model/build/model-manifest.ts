import { createHash } from 'node:crypto';

/** A tensor the runtime feeds or reads, as recorded in `model/manifest.json`. */
export interface TensorSpec {
  readonly name: string;
  readonly dtype: 'float32' | 'int64' | 'int32' | 'uint8' | 'bool';
  /** Fixed sizes, or a symbolic name (`'batch'`) for a dimension chosen at run time. */
  readonly shape: readonly (number | string)[];
  /** Axis order in words, e.g. `NHWC` or `[batch, landmark, xyz]`. */
  readonly layout: string;
  readonly description: string;
  /** How pixel values must be scaled before they are fed (inputs only). */
  readonly normalization?: {
    readonly colorOrder: 'RGB';
    readonly range: readonly [number, number];
    readonly formula: string;
  };
}

/** Where a converted model came from: a file set of a pinned npm package. */
interface NpmModelSource {
  readonly kind: 'npm';
  readonly package: string;
  readonly version: string;
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  readonly upstream: string;
  readonly weights: string;
}

/** A model written by code in this repository (no trained weights). */
interface CodeModelSource {
  readonly kind: 'code';
  readonly files: readonly string[];
}

/** One model in the manifest. Builders of new models return one of these. */
export interface ModelManifestEntry {
  readonly name: string;
  /** File name inside model/. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly description: string;
  readonly source: NpmModelSource | CodeModelSource;
  readonly license: string;
  readonly opset: number;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  /** SSD anchor layout for detectors. */
  readonly anchors?: {
    readonly inputSize: number;
    readonly strides: readonly number[];
    readonly anchorsPerCell: readonly number[];
    readonly count: number;
    readonly centre: string;
    readonly decoding: string;
  };
  readonly notes?: readonly string[];
}

/** The whole `model/manifest.json`. */
export interface ModelManifest {
  readonly manifestVersion: 1;
  readonly build: string;
  readonly models: readonly ModelManifestEntry[];
}

/** Hex SHA-256 of a byte buffer. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Manifest JSON text: two-space indent and a final newline, keys in declaration order. */
export function manifestText(manifest: ModelManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
