/**
 * Value of each soft indicator of the skin-metrics network on perfectly even skin: the logistic
 * step sigmoid((0 − t)/w) of a zero band. Scores subtract it, so flat skin scores 0. The numbers
 * follow from model/skin-metrics/skin-metrics-params.ts (t/w = 2.5/0.8, 2/0.5, 5/1, 0.08/0.02 × ½).
 */
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

export const SKIN_METRICS_SOFT_FLOORS = {
  pores: sigmoid(-2.5 / 0.8),
  spotArea: sigmoid(-2 / 0.5),
  redArea: sigmoid(-5 / 1),
  // The chroma factor is ½ when the pixel's chroma equals the zone's.
  shine: sigmoid(-0.08 / 0.02) * 0.5,
} as const;
