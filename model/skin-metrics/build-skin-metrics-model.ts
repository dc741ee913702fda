import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SKIN_CROP_SIZE,
  SKIN_METRICS_IO,
  SKIN_METRICS_SHAPES,
  SKIN_ZONES,
  ZONE_FEATURES,
} from '../../electron/core/skin/skin-metrics-io';
import { sha256Hex, type ModelManifestEntry } from '../build/model-manifest';
import { buildSkinMetricsGraph } from './skin-metrics-graph';

const FILE = 'skin-metrics.onnx';
const OPSET = 17;

/** The shipped model's bytes: the 256² network with its metadata. Same code in, same bytes out. */
export function skinMetricsModelBytes(): Uint8Array {
  return buildSkinMetricsGraph(SKIN_CROP_SIZE).toBytes({
    opset: OPSET,
    producerName: 'skin-kiosk model/skin-metrics',
    docString: 'Skin measurements per face zone; see docs/skin-metrics.md. A measurement, not a diagnosis.',
    metadata: [
      ['zones', SKIN_ZONES.join(',')],
      ['zone_features', ZONE_FEATURES.join(',')],
    ],
  });
}

/**
 * Writes `skin-metrics.onnx` (fixed weights, no training) into `outDir` and returns its manifest
 * entry.
 */
export function buildSkinMetricsModel(outDir: string): ModelManifestEntry {
  const bytes = skinMetricsModelBytes();
  writeFileSync(join(outDir, FILE), bytes);
  return {
    name: 'skin-metrics',
    file: FILE,
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    description:
      'Skin-metrics network written by code: sRGB → CIELAB after a colour matrix, normalised Gaussian pyramid, ' +
      'pore/spot/redness/shine detectors, Gabor line energies, per-zone means.',
    source: {
      kind: 'code',
      files: [
        'model/skin-metrics/skin-metrics-graph.ts',
        'model/skin-metrics/skin-filter-kernels.ts',
        'model/skin-metrics/skin-metrics-params.ts',
      ],
    },
    license: 'Project source (no third-party weights)',
    opset: OPSET,
    inputs: [
      {
        name: SKIN_METRICS_IO.crop,
        dtype: 'float32',
        shape: SKIN_METRICS_SHAPES.crop,
        layout: 'NCHW',
        description: 'The face crop aligned by the eye line (eyes level), 256×256.',
        normalization: {
          colorOrder: 'RGB',
          range: [0, 1],
          formula: 'x = pixel / 255 (sRGB, gamma-encoded, not linearised)',
        },
      },
      {
        name: SKIN_METRICS_IO.masks,
        dtype: 'float32',
        shape: SKIN_METRICS_SHAPES.masks,
        layout: '[batch, zone, y, x]',
        description: `0/1 zone masks, disjoint, in this order: ${SKIN_ZONES.join(', ')}. Eyes, brows, lips and nostrils cut out.`,
      },
      {
        name: SKIN_METRICS_IO.color,
        dtype: 'float32',
        shape: SKIN_METRICS_SHAPES.color,
        layout: '[batch, row, column]',
        description:
          'Colour matrix on linear RGB, out = M · rgb: white-balance gains, or calibration × gains.',
      },
    ],
    outputs: [
      {
        name: SKIN_METRICS_IO.zoneStats,
        dtype: 'float32',
        shape: SKIN_METRICS_SHAPES.zoneStats,
        layout: '[batch, zone, feature]',
        description: `Per-zone statistics; features: ${ZONE_FEATURES.join(', ')}. areaPx is a pixel count, the rest are means.`,
      },
    ],
    notes: [
      'Post-processing into 0–100 scores, confidences, tone and skin type: electron/core/skin (buildSkinProfile).',
      'Checked against a plain-TypeScript reference of the same math: tests/unit/model/skin-metrics.',
    ],
  };
}
