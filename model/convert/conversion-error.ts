/** A model that cannot be converted: bad input files, unsupported ops or attributes. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
}

/** A TensorFlow op (or fused op) the converter has no translation for. */
export class UnsupportedOpError extends ConversionError {
  constructor(
    readonly op: string,
    readonly nodeName: string,
    detail = '',
  ) {
    super(`unsupported TensorFlow op '${op}' in node '${nodeName}'${detail === '' ? '' : `: ${detail}`}`);
  }
}
