/** Dependency-free ONNX writer: plain-data model types, a protobuf encoder and a graph builder. */
export { GraphBuilder, type ModelOptions, type NodeOptions } from './graph-builder';
export { Attr, toAttributeValue, type AttributeInput } from './attributes';
export { encodeModel } from './onnx-encoder';
export { ProtoWriter } from './protobuf-writer';
export {
  boolTensor,
  elementCount,
  ELEMENT_SIZE,
  floatTensor,
  int32Tensor,
  int64Tensor,
  rawTensor,
} from './tensor-values';
export * from './onnx-types';
