/** TensorFlow.js graph model → ONNX converter. */
export { convertTfjsGraph, type ConvertedGraph } from './tfjs-to-onnx';
export { loadTfjsGraphModel, parseTfjsGraphModel } from './tfjs-model-loader';
export { ConversionError, UnsupportedOpError } from './conversion-error';
export type { TfjsModelJson, TfNodeDef } from './tfjs-model-types';
