import { describe, expect, it } from 'vitest';
import { ConversionError, UnsupportedOpError } from '../../../../model/convert';
import { attr, maxAbsDiff, noise, SyntheticGraph } from './synthetic-graph';

const same = attr.s('SAME');
const valid = attr.s('VALID');
const nhwc = attr.s('NHWC');
const stride = (s: number) => attr.ints([1, s, s, 1]);

async function expectParity(
  graph: SyntheticGraph,
  outputs: string[],
  expectedShapes: (number | string)[][],
): Promise<void> {
  const size = graph.inputShape.reduce((a, b) => a * b, 1);
  const input = Float32Array.from(noise(size, 7));
  const reference = await graph.runTfjs(input, outputs);
  const converted = await graph.runOnnx(input, outputs);
  expect(converted.shapes).toEqual(expectedShapes);
  converted.values.forEach((values, i) => {
    expect(converted.dims[i]).toEqual(expectedShapes[i]);
    expect(maxAbsDiff(values, reference[i] as Float32Array)).toBeLessThan(1e-5);
  });
}

describe('convertTfjsGraph against TensorFlow.js', () => {
  it('matches SAME convolutions with odd sizes and strides (asymmetric padding), fused bias + Relu6', async () => {
    const g = new SyntheticGraph([1, 7, 9, 3]);
    const w = g.constant('w', [3, 3, 3, 4], noise(108, 1));
    const b = g.constant('b', [4], noise(4, 2));
    g.op('conv', '_FusedConv2D', ['x', w, b], {
      strides: stride(2),
      padding: same,
      data_format: nhwc,
      dilations: stride(1),
      fused_ops: attr.strings(['BiasAdd', 'Relu6']),
      num_args: { i: '1' },
    });
    const w2 = g.constant('w2', [4, 4, 4, 2], noise(128, 3));
    g.op('conv2', 'Conv2D', ['conv', w2], {
      strides: stride(2),
      padding: same,
      data_format: nhwc,
      dilations: stride(1),
    });
    await expectParity(
      g,
      ['conv', 'conv2'],
      [
        [1, 4, 5, 4],
        [1, 2, 3, 2],
      ],
    );
  });

  it('matches depthwise convolution with a channel multiplier, float16 weights and fused PReLU', async () => {
    const g = new SyntheticGraph([1, 6, 6, 3]);
    const dw = g.constant('dw', [3, 3, 3, 2], noise(54, 4), 'float32', true);
    g.op('depthwise', 'DepthwiseConv2dNative', ['x', dw], {
      strides: stride(1),
      padding: same,
      data_format: nhwc,
      dilations: stride(1),
    });
    const w = g.constant('pw', [1, 1, 6, 5], noise(30, 5), 'float32', true);
    const bias = g.constant('pb', [5], noise(5, 6));
    const alpha = g.constant('alpha', [1, 1, 5], [0.1, 0.2, 0.3, -0.5, 2]);
    g.op('pointwise', '_FusedConv2D', ['depthwise', w, bias, alpha], {
      strides: stride(1),
      padding: valid,
      data_format: nhwc,
      dilations: stride(1),
      fused_ops: attr.strings(['BiasAdd', 'Prelu']),
      num_args: { i: '2' },
    });
    await expectParity(g, ['pointwise'], [[1, 6, 6, 5]]);
  });

  it('matches residual adds, standalone PReLU, MaxPool SAME on odd sizes and channel padding', async () => {
    const g = new SyntheticGraph([1, 5, 5, 2]);
    const w = g.constant('w', [3, 3, 2, 2], noise(36, 8));
    g.op('conv', 'Conv2D', ['x', w], {
      strides: stride(1),
      padding: same,
      data_format: nhwc,
      dilations: stride(1),
    });
    g.op('sum', 'AddV2', ['x', 'conv']);
    const alpha = g.constant('alpha', [1, 1, 2], [0.25, -1]);
    g.op('act', 'Prelu', ['sum', alpha]);
    g.op('pool', 'MaxPool', ['act'], {
      ksize: stride(2),
      strides: stride(2),
      padding: same,
      data_format: nhwc,
    });
    const paddings = g.constant('paddings', [4, 2], [0, 0, 1, 0, 0, 2, 0, 3], 'int32');
    g.op('padded', 'Pad', ['pool', paddings]);
    const bias = g.constant('bias', [5], [1, 2, 3, 4, 5]);
    g.op('biased', 'AddV2', ['padded', bias]);
    g.op('scaled', 'Mul', ['biased', g.constant('half', [], [0.5])]);
    g.op('sig', 'Sigmoid', ['scaled']);
    await expectParity(
      g,
      ['pool', 'sig'],
      [
        [1, 3, 3, 2],
        [1, 4, 5, 5],
      ],
    );
  });

  it('keeps TensorFlow element order through Reshape and ConcatV2 after channels-first ops', async () => {
    const g = new SyntheticGraph([1, 4, 4, 3]);
    const w = g.constant('w', [1, 1, 3, 2], noise(6, 9));
    g.op('a', 'Conv2D', ['x', w], {
      strides: stride(1),
      padding: valid,
      data_format: nhwc,
      dilations: stride(1),
    });
    g.op('r', 'Relu', ['a']);
    g.op('channels', 'ConcatV2', ['r', 'a', g.constant('axis3', [], [3], 'int32')], { N: { i: '2' } });
    g.op('rows', 'ConcatV2', ['r', 'a', g.constant('axis1', [], [1], 'int32')], { N: { i: '2' } });
    g.op('flat', 'Reshape', ['channels', g.constant('shape', [3], [1, -1, 4], 'int32')]);
    g.op('out', 'Identity', ['flat']);
    await expectParity(
      g,
      ['out', 'rows'],
      [
        [1, 16, 4],
        [1, 8, 4, 2],
      ],
    );
  });
});

describe('convertTfjsGraph: the remaining handlers against TensorFlow.js', () => {
  it('matches EXPLICIT padding, fused LeakyRelu/Elu, fused depthwise, Tanh, Sub and Relu6', async () => {
    const g = new SyntheticGraph([1, 5, 5, 2]);
    const w = g.constant('w', [3, 3, 2, 3], noise(54, 11));
    const b = g.constant('b', [3], noise(3, 12));
    const conv = (name: string, fused: string[], extra = {}) =>
      g.op(name, '_FusedConv2D', ['x', w, b], {
        strides: stride(1),
        padding: same,
        data_format: nhwc,
        dilations: stride(1),
        fused_ops: attr.strings(fused),
        num_args: { i: '1' },
        ...extra,
      });
    g.op('explicit', 'Conv2D', ['x', w], {
      strides: stride(2),
      padding: attr.s('EXPLICIT'),
      explicit_paddings: attr.ints([0, 0, 1, 2, 0, 1, 0, 0]),
      data_format: nhwc,
      dilations: stride(1),
    });
    conv('leaky', ['BiasAdd', 'LeakyRelu'], { leakyrelu_alpha: attr.f(0.3) });
    conv('elu', ['BiasAdd', 'Elu']);
    const dw = g.constant('dw', [3, 3, 3, 1], noise(27, 13));
    const dwb = g.constant('dwb', [3], noise(3, 14));
    g.op('fdw', 'FusedDepthwiseConv2dNative', ['leaky', dw, dwb], {
      strides: stride(2),
      padding: same,
      data_format: nhwc,
      dilations: stride(1),
      fused_ops: attr.strings(['BiasAdd', 'Relu6']),
      num_args: { i: '1' },
    });
    g.op('tanh', 'Tanh', ['elu']);
    g.op('sub', 'Sub', ['tanh', g.constant('offset', [3], [0.5, -0.5, 0])]);
    g.op('relu6', 'Relu6', [g.op('scaled', 'Mul', ['sub', g.constant('ten', [], [10])])]);
    await expectParity(
      g,
      ['explicit', 'fdw', 'relu6'],
      [
        // Rows: 5 + 1 + 2 padded, 3×3 stride 2 → 3; columns: 5 + 0 + 1 → 2.
        [1, 3, 2, 3],
        [1, 3, 3, 3],
        [1, 5, 5, 3],
      ],
    );
  });
});

describe('convertTfjsGraph errors', () => {
  const convert = async (build: (g: SyntheticGraph) => string): Promise<unknown> => {
    const g = new SyntheticGraph([1, 4, 4, 1]);
    const out = build(g);
    return g.runOnnx(new Float32Array(16), [out]).then(
      () => undefined,
      (error: unknown) => error,
    );
  };

  it('names the op and the node for an unsupported op', async () => {
    const error = await convert((g) => g.op('model/softplus_1', 'Softplus', ['x']));
    expect(error).toBeInstanceOf(UnsupportedOpError);
    expect((error as UnsupportedOpError).op).toBe('Softplus');
    expect((error as UnsupportedOpError).nodeName).toBe('model/softplus_1');
    expect((error as Error).message).toMatch(
      /unsupported TensorFlow op 'Softplus' in node 'model\/softplus_1'/,
    );
  });

  it('rejects an unsupported fused activation and a channels-first data format', async () => {
    const fused = await convert((g) => {
      const w = g.constant('w', [1, 1, 1, 1], [1]);
      const b = g.constant('b', [1], [0]);
      return g.op('gelu_conv', '_FusedConv2D', ['x', w, b], {
        strides: stride(1),
        padding: same,
        data_format: nhwc,
        fused_ops: attr.strings(['BiasAdd', 'Gelu']),
      });
    });
    expect(fused).toBeInstanceOf(UnsupportedOpError);
    expect((fused as Error).message).toMatch(/'Gelu'.*'gelu_conv'/);
    const nchw = await convert((g) => {
      const w = g.constant('w', [1, 1, 1, 1], [1]);
      return g.op('nchw_conv', 'Conv2D', ['x', w], {
        strides: stride(1),
        padding: same,
        data_format: attr.s('NCHW'),
      });
    });
    expect(nchw).toBeInstanceOf(ConversionError);
    expect((nchw as Error).message).toMatch(/nchw_conv.*NCHW/);
  });

  it('rejects references to missing nodes and filters that are not constants', async () => {
    expect(await convert((g) => g.op('relu', 'Relu', ['ghost']))).toBeInstanceOf(ConversionError);
    const dynamicFilter = await convert((g) =>
      g.op('conv', 'Conv2D', ['x', 'x'], { strides: stride(1), padding: same, data_format: nhwc }),
    );
    expect((dynamicFilter as Error).message).toMatch(/'conv'.*filter must be a constant/);
  });
});
