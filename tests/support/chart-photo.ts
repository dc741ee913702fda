import { chartGuideFor, COLOR_CHECKER_SRGB8 } from '../../electron/core/color/color-checker';
import type { RgbaImage } from '../../electron/core/vision/image-types';

/**
 * A 640×480 frame of the ColorChecker filling the staff screen's guide on a white wall, printed and
 * seen perfectly: patches at their reference values with dark gaps between them.
 */
export function colorChart(): RgbaImage {
  const data = new Uint8Array(640 * 480 * 4).fill(255);
  const [cell, , x0, , , y0] = chartGuideFor(640, 480);
  for (let y = 0; y < 480; y++)
    for (let x = 0; x < 640; x++) {
      const u = (x + 0.5 - x0) / cell;
      const v = (y + 0.5 - y0) / cell;
      const col = Math.floor(u);
      const row = Math.floor(v);
      const onCard = u > -0.3 && u < 6.3 && v > -0.3 && v < 4.3;
      const inPatch =
        col >= 0 &&
        col < 6 &&
        row >= 0 &&
        row < 4 &&
        u - col > 0.08 &&
        u - col < 0.92 &&
        v - row > 0.08 &&
        v - row < 0.92;
      const patch = inPatch
        ? COLOR_CHECKER_SRGB8[row * 6 + col]!
        : onCard
          ? ['', 30, 30, 30]
          : ['', 245, 245, 245];
      data.set([patch[1] as number, patch[2] as number, patch[3] as number, 255], (y * 640 + x) * 4);
    }
  return { width: 640, height: 480, data };
}
