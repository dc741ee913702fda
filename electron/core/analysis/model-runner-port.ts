/** The networks the analysis runs, by their names in `model/manifest.json`. */
export type ModelName = 'blazeface' | 'facemesh' | 'iris' | 'skin-metrics';

/** A dense float32 tensor. */
export interface TensorData {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

export type TensorMap = Readonly<Record<string, TensorData>>;

/** One execution provider the runner tried, in preference order. */
export interface ProviderAttempt {
  readonly provider: string;
  readonly ok: boolean;
  /** Why it was skipped or dropped; null when it is the one in use. */
  readonly reason: string | null;
}

/** What the runner reports for the staff screen and result metadata. */
export interface RunnerInfo {
  /** The provider running the networks now, e.g. `cpu` or `webgpu`. */
  readonly executionProvider: string;
  readonly tried: readonly ProviderAttempt[];
  /** True once every network has run once (warm-up done). */
  readonly warm: boolean;
}

export interface RunOptions {
  /**
   * The caller will not read the input buffers again, so a runner in another thread may move them
   * there instead of copying (a 2.6 MB skin-network input costs milliseconds to copy).
   */
  readonly consumeInputs?: boolean;
}

/**
 * The port the pipeline runs networks through. The ONNX Runtime adapter implements it in a worker
 * thread; tests may implement it over the same sessions in-process. Inputs are never retained.
 */
export interface ModelRunner {
  run(model: ModelName, feeds: TensorMap, options?: RunOptions): Promise<TensorMap>;
  info(): RunnerInfo;
}
