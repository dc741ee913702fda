/** An SSD anchor in normalised input coordinates. */
export interface Anchor {
  readonly xCenter: number;
  readonly yCenter: number;
  readonly w: number;
  readonly h: number;
}

/** The subset of MediaPipe's `SsdAnchorsCalculatorOptions` BlazeFace uses. */
export interface SsdAnchorOptions {
  readonly inputWidth: number;
  readonly inputHeight: number;
  readonly minScale: number;
  readonly maxScale: number;
  readonly anchorOffsetX: number;
  readonly anchorOffsetY: number;
  readonly strides: readonly number[];
  readonly aspectRatios: readonly number[];
  readonly interpolatedScaleAspectRatio: number;
  readonly fixedAnchorSize: boolean;
}

/**
 * Options of MediaPipe's 256×256 ("back camera") BlazeFace graph, the model the `blazeface` file of
 * @vladmandic/human is: 16×16×2 + 8×8×6 = 896 anchors.
 */
export const BLAZEFACE_256_ANCHORS: SsdAnchorOptions = {
  inputWidth: 256,
  inputHeight: 256,
  minScale: 0.15625,
  maxScale: 0.75,
  anchorOffsetX: 0.5,
  anchorOffsetY: 0.5,
  strides: [16, 32, 32, 32],
  aspectRatios: [1.0],
  interpolatedScaleAspectRatio: 1.0,
  fixedAnchorSize: true,
};

function calculateScale(minScale: number, maxScale: number, strideIndex: number, numStrides: number): number {
  if (numStrides === 1) return (minScale + maxScale) * 0.5;
  return minScale + ((maxScale - minScale) * strideIndex) / (numStrides - 1);
}

/**
 * Generates anchors in the order MediaPipe's SsdAnchorsCalculator does: layers that share a stride
 * are merged into one feature map, and each cell lists all of its anchors before the next cell.
 * That order is the order of the model's output rows.
 */
export function generateSsdAnchors(o: SsdAnchorOptions): Anchor[] {
  const anchors: Anchor[] = [];
  let layer = 0;
  while (layer < o.strides.length) {
    const stride = o.strides[layer]!;
    const widths: number[] = [];
    const heights: number[] = [];
    let last = layer;
    while (last < o.strides.length && o.strides[last] === stride) {
      const scale = calculateScale(o.minScale, o.maxScale, last, o.strides.length);
      const ratios: number[] = [...o.aspectRatios];
      const scales: number[] = o.aspectRatios.map(() => scale);
      if (o.interpolatedScaleAspectRatio > 0) {
        const next =
          last === o.strides.length - 1
            ? 1
            : calculateScale(o.minScale, o.maxScale, last + 1, o.strides.length);
        scales.push(Math.sqrt(scale * next));
        ratios.push(o.interpolatedScaleAspectRatio);
      }
      ratios.forEach((ratio, i) => {
        const sqrt = Math.sqrt(ratio);
        heights.push(scales[i]! / sqrt);
        widths.push(scales[i]! * sqrt);
      });
      last++;
    }
    const mapH = Math.ceil(o.inputHeight / stride);
    const mapW = Math.ceil(o.inputWidth / stride);
    for (let y = 0; y < mapH; y++) {
      for (let x = 0; x < mapW; x++) {
        for (let i = 0; i < widths.length; i++) {
          anchors.push({
            xCenter: (x + o.anchorOffsetX) / mapW,
            yCenter: (y + o.anchorOffsetY) / mapH,
            w: o.fixedAnchorSize ? 1 : widths[i]!,
            h: o.fixedAnchorSize ? 1 : heights[i]!,
          });
        }
      }
    }
    layer = last;
  }
  return anchors;
}
