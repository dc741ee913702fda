import type { AnalysisServices } from '../analysis-services';
import type { PartialHandlerTable } from '../handler-types';

type AnalysisChannels =
  | 'analysis:preview-frame'
  | 'analysis:analyze'
  | 'analysis:from-answers'
  | 'analysis:status'
  | 'analysis:calibrate';

/**
 * The analysis channels. Preview reports go out as `camera:quality` and analysis stages as
 * `analysis:progress` on the caller's event sink, besides being returned.
 */
export function createAnalysisHandlers(analysis: AnalysisServices): PartialHandlerTable<AnalysisChannels> {
  return {
    'analysis:preview-frame': async (frame, ctx) => analysis.preview(frame, ctx),
    'analysis:analyze': async ({ frame, answers }, ctx) => analysis.analyze(frame, answers, ctx),
    'analysis:from-answers': async ({ answers }) => analysis.fromAnswers(answers),
    'analysis:status': async () => analysis.status(),
    'analysis:calibrate': async ({ frame, camera }) => analysis.calibrate(frame, camera),
  };
}
