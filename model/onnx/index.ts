/** Dependency-free ONNX writer: plain-data model types, a protobuf encoder and a graph builder. */
export { GraphBuilder } from './graph-builder';
export { Attr } from './attributes';
export { floatTensor, int32Tensor, int64Tensor } from './tensor-values';
export * from './onnx-types';
