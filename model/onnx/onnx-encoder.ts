import { ProtoWriter } from './protobuf-writer';
import {
  TensorDataType,
  type AttributeSpec,
  type AttributeValue,
  type GraphSpec,
  type ModelSpec,
  type NodeSpec,
  type TensorValue,
  type ValueInfo,
} from './onnx-types';

/** AttributeProto.AttributeType numbers from onnx.proto. */
const ATTRIBUTE_TYPE: Record<AttributeValue['kind'], number> = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  graph: 5,
  floats: 6,
  ints: 7,
  strings: 8,
  tensors: 9,
  graphs: 10,
};

const textEncoder = new TextEncoder();
const toBytes = (value: string | Uint8Array): Uint8Array =>
  typeof value === 'string' ? textEncoder.encode(value) : value;

/** Serialises a model to ONNX protobuf bytes. Same spec in, same bytes out. */
export function encodeModel(model: ModelSpec): Uint8Array {
  const w = new ProtoWriter();
  w.varintField(1, model.irVersion);
  if (model.producerName !== undefined) w.stringField(2, model.producerName);
  if (model.producerVersion !== undefined) w.stringField(3, model.producerVersion);
  if (model.domain !== undefined) w.stringField(4, model.domain);
  if (model.modelVersion !== undefined) w.varintField(5, model.modelVersion);
  if (model.docString !== undefined) w.stringField(6, model.docString);
  w.messageField(7, (g) => writeGraph(g, model.graph));
  for (const opset of model.opsetImports) {
    w.messageField(8, (o) => {
      o.stringField(1, opset.domain);
      o.varintField(2, opset.version);
    });
  }
  for (const [key, value] of model.metadata ?? []) {
    w.messageField(14, (e) => e.stringField(1, key).stringField(2, value));
  }
  return w.finish();
}

function writeGraph(w: ProtoWriter, graph: GraphSpec): void {
  for (const node of graph.nodes) w.messageField(1, (n) => writeNode(n, node));
  w.stringField(2, graph.name);
  for (const tensor of graph.initializers) w.messageField(5, (t) => writeTensor(t, tensor));
  if (graph.docString !== undefined) w.stringField(10, graph.docString);
  for (const input of graph.inputs) w.messageField(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) w.messageField(12, (v) => writeValueInfo(v, output));
  for (const info of graph.valueInfo ?? []) w.messageField(13, (v) => writeValueInfo(v, info));
}

function writeNode(w: ProtoWriter, node: NodeSpec): void {
  for (const input of node.inputs) w.stringField(1, input);
  for (const output of node.outputs) w.stringField(2, output);
  if (node.name !== undefined) w.stringField(3, node.name);
  w.stringField(4, node.opType);
  for (const attribute of node.attributes ?? []) w.messageField(5, (a) => writeAttribute(a, attribute));
  if (node.docString !== undefined) w.stringField(6, node.docString);
  if (node.domain !== undefined && node.domain !== '') w.stringField(7, node.domain);
}

function writeAttribute(w: ProtoWriter, attribute: AttributeSpec): void {
  const { value } = attribute;
  w.stringField(1, attribute.name);
  switch (value.kind) {
    case 'float':
      w.floatField(2, value.value);
      break;
    case 'int':
      w.varintField(3, value.value);
      break;
    case 'string':
      w.bytesField(4, toBytes(value.value));
      break;
    case 'tensor':
      w.messageField(5, (t) => writeTensor(t, value.value));
      break;
    case 'graph':
      w.messageField(6, (g) => writeGraph(g, value.value));
      break;
    case 'floats':
      w.packedFloatField(7, value.value);
      break;
    case 'ints':
      w.packedVarintField(8, value.value);
      break;
    case 'strings':
      for (const item of value.value) w.bytesField(9, toBytes(item));
      break;
    case 'tensors':
      for (const item of value.value) w.messageField(10, (t) => writeTensor(t, item));
      break;
    case 'graphs':
      for (const item of value.value) w.messageField(11, (g) => writeGraph(g, item));
      break;
  }
  if (attribute.docString !== undefined) w.stringField(13, attribute.docString);
  w.varintField(20, ATTRIBUTE_TYPE[value.kind]);
}

function writeTensor(w: ProtoWriter, tensor: TensorValue): void {
  if (tensor.dims.length > 0) w.packedVarintField(1, tensor.dims);
  w.varintField(2, TensorDataType[tensor.elementType]);
  if (tensor.name !== undefined) w.stringField(8, tensor.name);
  w.bytesField(9, tensor.rawData);
  if (tensor.docString !== undefined) w.stringField(12, tensor.docString);
}

function writeValueInfo(w: ProtoWriter, info: ValueInfo): void {
  w.stringField(1, info.name);
  w.messageField(2, (type) =>
    type.messageField(1, (tensorType) => {
      tensorType.varintField(1, TensorDataType[info.elementType]);
      const { shape } = info;
      if (shape === undefined) return;
      tensorType.messageField(2, (s) => {
        for (const dim of shape) {
          s.messageField(1, (d) => (typeof dim === 'number' ? d.varintField(1, dim) : d.stringField(2, dim)));
        }
      });
    }),
  );
  if (info.docString !== undefined) w.stringField(3, info.docString);
}
