/** TensorFlow.js graph model → ONNX converter. */
export {
  convertTfjsGraph,
  SUPPORTED_OPS,
  type ConvertedGraph,
  type ConvertedTensor,
  type ConvertOptions,
} from './tfjs-to-onnx';
export { loadTfjsGraphModel, parseTfjsGraphModel } from './tfjs-model-loader';
export { ConversionError, UnsupportedOpError } from './conversion-error';
export type { ConstTensor, TfjsGraphModel, TfjsModelJson, TfNodeDef } from './tfjs-model-types';
