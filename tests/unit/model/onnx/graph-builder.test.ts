import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Attr, floatTensor, GraphBuilder, int64Tensor } from '../../../../model/onnx';
import { bytesOf, readFields, stringsOf, varintOf } from './proto-reader';

async function run(
  bytes: Uint8Array,
  feeds: Record<string, ort.Tensor>,
): Promise<ort.InferenceSession.ReturnType> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

const values = (tensor: ort.Tensor | undefined): number[] => Array.from(tensor?.data as Float32Array);

describe('GraphBuilder in onnxruntime', () => {
  it('runs elementwise ops on initializers and reports names and shapes', async () => {
    const g = new GraphBuilder('affine');
    const x = g.input('x', 'float32', ['batch', 3]);
    const scale = g.initializer('scale', floatTensor([3], [1, 2, 3]));
    const shift = g.initializer('shift', floatTensor([3], [0.5, 0.5, -1]));
    g.output(g.node('Add', [g.node('Mul', [x, scale]), shift], {}, { outputs: ['y'] }), 'float32', [
      'batch',
      3,
    ]);
    const session = await ort.InferenceSession.create(g.toBytes(), { executionProviders: ['cpu'] });
    expect(session.inputNames).toEqual(['x']);
    expect(session.outputNames).toEqual(['y']);
    expect(session.inputMetadata[0]).toMatchObject({ isTensor: true, type: 'float32', shape: ['batch', 3] });
    const out = await session.run({
      x: new ort.Tensor('float32', Float32Array.from([1, 1, 1, 2, 2, 2]), [2, 3]),
    });
    expect(values(out.y)).toEqual([1.5, 2.5, 2, 2.5, 4.5, 5]);
    expect(out.y?.dims).toEqual([2, 3]);
    await session.release();
  });

  it('writes ints, float and string attributes that Conv, LeakyRelu and Pad understand', async () => {
    const g = new GraphBuilder('conv');
    const x = g.input('x', 'float32', [1, 1, 3, 3]);
    const w = g.initializer('w', floatTensor([1, 1, 3, 3], Array(9).fill(1)));
    const conv = g.node('Conv', [x, w], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [1, 1] });
    const leaky = g.node('LeakyRelu', [conv], { alpha: Attr.float(0.5) });
    const pads = g.initializer('pads', int64Tensor([8], [0, 0, 0, 1, 0, 0, 0, 0]));
    g.output(g.node('Pad', [leaky, pads], { mode: 'constant' }, { outputs: ['y'] }), 'float32', [1, 1, 3, 4]);
    const input = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, -100]);
    const out = await run(g.toBytes({ opset: 13 }), { x: new ort.Tensor('float32', input, [1, 1, 3, 3]) });
    // 3×3 box sums with zero padding (negative ones halved by LeakyRelu), then one zero column on the left.
    expect(values(out.y)).toEqual([0, 12, 21, 16, 0, 27, -32, -38, 0, 24, -35, -40.5]);
  });

  it('supports multi-output nodes, int64 shape tensors and tensor attributes', async () => {
    const g = new GraphBuilder('split');
    const x = g.input('x', 'float32', [1, 4]);
    const split = g.initializer('split', int64Tensor([2], [1, 3]));
    const [left, right] = g.nodeMulti('Split', [x, split], 2, { axis: 1 });
    const constant = g.node('Constant', [], { value: Attr.tensor(floatTensor([1, 1], [10])) });
    const shape = g.initializer('shape', int64Tensor([1], [3]));
    g.output(g.node('Add', [left as string, constant], {}, { outputs: ['first'] }), 'float32', [1, 1]);
    g.output(g.node('Reshape', [right as string, shape], {}, { outputs: ['rest'] }), 'float32', [3]);
    const out = await run(g.toBytes(), {
      x: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4]), [1, 4]),
    });
    expect(values(out.first)).toEqual([11]);
    expect(values(out.rest)).toEqual([2, 3, 4]);
    expect(out.rest?.dims).toEqual([3]);
  });

  it('runs subgraph attributes (If) that read outer-scope values', async () => {
    const branch = (name: string, op: string): GraphBuilder => {
      const b = new GraphBuilder(name);
      const x = b.outerValue('x');
      b.output(b.node(op, [x], {}, { outputs: [`${name}_out`] }), 'float32', [2]);
      return b;
    };
    const g = new GraphBuilder('if');
    g.input('x', 'float32', [2]);
    const flag = g.input('flag', 'bool', []);
    const out = g.node(
      'If',
      [flag],
      {
        then_branch: Attr.graph(branch('then', 'Neg').toGraph()),
        else_branch: Attr.graph(branch('else', 'Abs').toGraph()),
      },
      { outputs: ['y'] },
    );
    g.output(out, 'float32', [2]);
    const bytes = g.toBytes();
    const x = new ort.Tensor('float32', Float32Array.from([-1, 2]), [2]);
    expect(values((await run(bytes, { x, flag: new ort.Tensor('bool', [true], []) })).y)).toEqual([1, -2]);
    expect(values((await run(bytes, { x, flag: new ort.Tensor('bool', [false], []) })).y)).toEqual([1, 2]);
  });

  it('writes opset, producer, doc strings and metadata_props in order', () => {
    const g = new GraphBuilder('meta', 'graph doc');
    g.output(g.input('x', 'float32', [1]), 'float32', [1]);
    const bytes = g.toBytes({
      opset: 13,
      producerName: 'skin-kiosk',
      docString: 'model doc',
      metadata: [
        ['b', '2'],
        ['a', '1'],
      ],
    });
    const model = readFields(bytes);
    expect(varintOf(model, 1)).toBe(8n);
    expect(stringsOf(model, 2)).toEqual(['skin-kiosk']);
    expect(stringsOf(model, 6)).toEqual(['model doc']);
    const [opset] = bytesOf(model, 8);
    expect(varintOf(readFields(opset as Uint8Array), 2)).toBe(13n);
    const metadata = bytesOf(model, 14).map((entry) => stringsOf(readFields(entry), 1)[0]);
    expect(metadata).toEqual(['b', 'a']);
    const [graph] = bytesOf(model, 7);
    expect(stringsOf(readFields(graph as Uint8Array), 10)).toEqual(['graph doc']);
  });

  it('produces identical bytes for identical calls', () => {
    const build = (): Uint8Array => {
      const g = new GraphBuilder('det');
      const x = g.input('x', 'float32', [2]);
      g.output(g.node('Relu', [g.node('Sigmoid', [x])]), 'float32', [2]);
      return g.toBytes({ metadata: [['k', 'v']] });
    };
    expect(Buffer.from(build()).equals(Buffer.from(build()))).toBe(true);
  });

  it('rejects unknown inputs, duplicate names, ambiguous attributes and bad tensor sizes', () => {
    const g = new GraphBuilder('bad');
    const x = g.input('x', 'float32', [1]);
    expect(() => g.node('Relu', ['missing'])).toThrow(/reads 'missing'/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/defined twice/);
    expect(() => g.node('ReduceSum', [x], { axes: [] })).toThrow(/ambiguous/);
    expect(() => g.output('nope', 'float32', [1])).toThrow(/not defined/);
    expect(() => floatTensor([2, 2], [1, 2, 3])).toThrow(/needs 4 values, got 3/);
    expect(() => new GraphBuilder('empty').toBytes()).toThrow(/no outputs/);
  });
});
