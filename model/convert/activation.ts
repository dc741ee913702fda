import { Attr } from '../onnx';
import { UnsupportedOpError } from './conversion-error';
import type { ConversionContext } from './conversion-context';
import { broadcastConstantToNchw } from './layout';
import type { TfNodeDef } from './tfjs-model-types';

/** Activations that can follow a convolution, standalone or fused into `_FusedConv2D`. */
const SUPPORTED_ACTIVATIONS = ['Relu', 'Relu6', 'Prelu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Elu'] as const;

export interface ActivationRequest {
  /** TensorFlow's activation name, e.g. `Relu6`. */
  readonly activation: string;
  /** ONNX value to activate. */
  readonly input: string;
  /** Name for the activated value. */
  readonly output: string;
  /** Whether `input` is stored channels-first (decides how a PReLU alpha is laid out). */
  readonly channelsFirst: boolean;
  /** PReLU slope constant with its TensorFlow shape (e.g. [1, 1, C]). */
  readonly alpha?: {
    readonly name: string;
    readonly values: Float32Array;
    readonly shape: readonly number[];
  };
}

/** Emits the ONNX node for one activation and returns the activated value's name. */
export function emitActivation(ctx: ConversionContext, node: TfNodeDef, request: ActivationRequest): string {
  const { activation, input, output } = request;
  const options = { name: output, outputs: [output] };
  switch (activation) {
    case 'Relu':
    case 'Sigmoid':
    case 'Tanh':
    case 'Elu':
      return ctx.builder.node(activation, [input], {}, options);
    case 'Relu6': {
      const low = ctx.constInitializer('const/relu6_min', '', {
        dtype: 'float32',
        shape: [],
        values: Float32Array.of(0),
      });
      const high = ctx.constInitializer('const/relu6_max', '', {
        dtype: 'float32',
        shape: [],
        values: Float32Array.of(6),
      });
      return ctx.builder.node('Clip', [input, low, high], {}, options);
    }
    case 'LeakyRelu': {
      const alpha = node.attr?.['leakyrelu_alpha']?.f ?? node.attr?.['alpha']?.f ?? 0.2;
      return ctx.builder.node('LeakyRelu', [input], { alpha: Attr.float(alpha) }, options);
    }
    case 'Prelu': {
      const alpha = request.alpha;
      if (alpha === undefined)
        throw new UnsupportedOpError('Prelu', node.name, 'the PReLU slope must be a constant');
      const slope = request.channelsFirst
        ? broadcastConstantToNchw(alpha.values, alpha.shape)
        : { values: alpha.values, shape: [...alpha.shape] };
      const variant = request.channelsFirst ? '/nchw' : '';
      const slopeName = ctx.constInitializer(alpha.name, variant, {
        dtype: 'float32',
        shape: slope.shape,
        values: slope.values,
      });
      return ctx.builder.node('PRelu', [input, slopeName], {}, options);
    }
    default:
      throw new UnsupportedOpError(
        activation,
        node.name,
        `activation not supported (supported: ${SUPPORTED_ACTIVATIONS.join(', ')})`,
      );
  }
}
