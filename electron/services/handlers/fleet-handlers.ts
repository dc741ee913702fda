import { KioskError } from '../../shared/result';
import type { FleetServices } from '../fleet-services';
import type { Handler, PartialHandlerTable } from '../handler-types';

type FleetChannels =
  | 'system:info'
  | 'system:health'
  | 'system:telemetry'
  | 'system:logs'
  | 'update:status'
  | 'update:check-now'
  | 'session:milestone';

/** The staff system/update/log screens, the public health channel and the screen's funnel steps. */
export function createFleetHandlers(fleet: FleetServices): PartialHandlerTable<FleetChannels> {
  return {
    'system:info': () => fleet.systemInfo(),
    'system:health': () => fleet.health.report(),
    'system:telemetry': async () => fleet.telemetry.status(),
    'session:milestone': async ({ step }) => {
      fleet.telemetry.funnel.reach(step);
      return { done: true as const };
    },
    'system:logs': async ({ limit }) => fleet.logger.recent(limit),
    'update:status': async () => fleet.updates.status(),
    'update:check-now': () => fleet.updates.checkNow(),
  };
}

/**
 * Wraps the analysis handler so its latency lands in the metrics histogram, labelled `ok` or with
 * the error code. Timing at the handler covers queueing in the worker as the shopper feels it.
 */
export function timeAnalysis(
  handler: Handler<'analysis:analyze'>,
  fleet: Pick<FleetServices, 'metrics'>,
  now: () => number = () => performance.now(),
): Handler<'analysis:analyze'> {
  return async (input, ctx) => {
    const started = now();
    try {
      const result = await handler(input, ctx);
      fleet.metrics.observeAnalysis((now() - started) / 1000, 'ok');
      return result;
    } catch (err) {
      fleet.metrics.observeAnalysis(
        (now() - started) / 1000,
        err instanceof KioskError ? err.code : 'INTERNAL',
      );
      throw err;
    }
  };
}
