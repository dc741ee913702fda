/** A polygon as a flat list of vertices `[x0, y0, x1, y1, …]` in mask pixel coordinates. */
export type FlatPolygon = readonly number[];

/**
 * Sets `value` on every mask pixel whose centre lies inside `polygon` (even-odd rule, scanline
 * fill). `mask` is `width × height`, row-major. Pixel (i, j) has its centre at (i+½, j+½), the same
 * convention as the sampler, so a mask lines up with the crop it was drawn for.
 */
export function fillPolygon(
  mask: Uint8Array,
  width: number,
  height: number,
  polygon: FlatPolygon,
  value: number,
): void {
  const n = polygon.length >> 1;
  if (n < 3) return;
  let ymin = Infinity;
  let ymax = -Infinity;
  for (let i = 0; i < n; i++) {
    ymin = Math.min(ymin, polygon[2 * i + 1]!);
    ymax = Math.max(ymax, polygon[2 * i + 1]!);
  }
  const rowStart = Math.max(0, Math.ceil(ymin - 0.5));
  const rowEnd = Math.min(height - 1, Math.floor(ymax - 0.5));
  const xs: number[] = [];
  for (let row = rowStart; row <= rowEnd; row++) {
    const y = row + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = polygon[2 * i + 1]!;
      const yj = polygon[2 * j + 1]!;
      // Half-open on y so a vertex shared by two edges is counted once.
      if (yi <= y !== yj <= y) {
        const xi = polygon[2 * i]!;
        const xj = polygon[2 * j]!;
        xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(width - 1, Math.floor(xs[k + 1]! - 0.5));
      if (to >= from) mask.fill(value, row * width + from, row * width + to + 1);
    }
  }
}

/** Area of a polygon (shoelace), in square pixels. */
export function polygonArea(polygon: FlatPolygon): number {
  const n = polygon.length >> 1;
  let twice = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    twice += polygon[2 * j]! * polygon[2 * i + 1]! - polygon[2 * i]! * polygon[2 * j + 1]!;
  }
  return Math.abs(twice) / 2;
}
