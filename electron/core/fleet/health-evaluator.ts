import type { HealthReport } from '../../shared/schemas/system-schemas';

/** Stable reason codes: monitoring alerts match on them, the staff screen shows their text. */
export const HEALTH_REASONS = {
  needs_setup: 'The kiosk config file is missing fields or invalid; the kiosk runs in "needs setup" mode.',
  staff_pin_missing:
    'No staff PIN is provisioned on this installed kiosk: staff mode is closed, or open to the demo PIN when there is no config file.',
  camera_missing: 'No camera found.',
  camera_denied: 'The camera is present but access was refused.',
  catalog_stale: 'The product catalog has not synced from its feed for more than 24 hours.',
  inference_unavailable: 'The analysis models did not load; only the questionnaire works.',
  inference_restarting:
    'The analysis worker stopped and is being restarted; scans fail until it is back (the questionnaire works).',
  gpu_fallback_cpu: 'The GPU could not be used; analysis runs on the CPU (slower).',
  calibration_missing:
    'The camera has no colour-chart calibration: skin colour is approximate. Calibrate from the staff screen.',
  calibration_stale:
    'The colour-chart calibration is older than allowed: calibrate again from the staff screen.',
  reader_offline: 'The card reader is offline.',
  updates_failing: 'Update checks or downloads have failed several times in a row.',
} as const;

type HealthReason = keyof typeof HEALTH_REASONS;

/** Catalog older than this (since its last successful sync) degrades health. */
export const CATALOG_MAX_AGE_MS = 24 * 60 * 60_000;
/** Consecutive update failures before health says so (one flaky night is not worth an alert). */
const UPDATE_FAILURES_ALERT = 3;

export interface HealthInputs {
  now: number;
  version: string;
  uptimeSec: number;
  needsSetup: boolean;
  /** An installed build whose staff mode has no PIN of its own (see staff-pin-policy). */
  staffPinMissing: boolean;
  camera: 'ok' | 'missing' | 'denied' | 'unknown';
  /** Null when no feed is configured (bundled demo catalog): there is nothing to be stale against. */
  catalog: { feedConfigured: boolean; lastSyncAtMs: number | null } | null;
  /**
   * The analysis service's status, null until bound. `executionProvider` is null or `'none'` while no
   * provider runs; `tried` lists providers in preference order (empty while loading).
   */
  inference: {
    executionProvider: string | null;
    tried: { provider: string; ok: boolean; reason?: string | null }[];
    /** The inference worker's supervision state and restart count, once the service reports them. */
    worker?: string;
    restarts?: number;
    /**
     * The chart calibration of the camera in use; judged only once the renderer has reported a
     * camera (a kiosk that has not opened its camera yet has nothing to calibrate).
     */
    calibration?: { state: 'missing' | 'stale' | 'ok'; camera: string | null };
  } | null;
  reader: 'online' | 'offline' | 'unknown' | 'not_used';
  updateFailures: number;
}

/**
 * Reasons that say the machine simply has no such accelerator (another OS's provider, no CUDA
 * library, no GPU adapter at all): a CPU-only kiosk is working as built, not degraded.
 */
const ABSENT_ACCELERATOR = /only available on|not installed|no supported adapters/i;

/** Whether analysis ended up on the CPU after a GPU the machine does have was tried and failed. */
function fellBackToCpu(inference: NonNullable<HealthInputs['inference']>): boolean {
  return (
    inference.executionProvider === 'cpu' &&
    inference.tried.some((t) => t.provider !== 'cpu' && !t.ok && !ABSENT_ACCELERATOR.test(t.reason ?? ''))
  );
}

/**
 * Health from what the services report. "Unknown" inputs (camera not reported yet, reader not
 * polled yet) never degrade health on their own: only facts do.
 */
export function evaluateHealth(inputs: HealthInputs): HealthReport {
  const reasons: HealthReason[] = [];
  if (inputs.needsSetup) reasons.push('needs_setup');
  if (inputs.staffPinMissing) reasons.push('staff_pin_missing');
  if (inputs.camera === 'missing') reasons.push('camera_missing');
  if (inputs.camera === 'denied') reasons.push('camera_denied');
  if (inputs.catalog?.feedConfigured) {
    const age = inputs.catalog.lastSyncAtMs === null ? Infinity : inputs.now - inputs.catalog.lastSyncAtMs;
    if (age > CATALOG_MAX_AGE_MS) reasons.push('catalog_stale');
  }
  if (inputs.inference) {
    // No provider yet with nothing tried is still loading; with every provider tried and failed it is down.
    const none = inputs.inference.executionProvider === null || inputs.inference.executionProvider === 'none';
    if (none && inputs.inference.tried.length > 0) reasons.push('inference_unavailable');
    else if (!none && fellBackToCpu(inputs.inference)) reasons.push('gpu_fallback_cpu');
    // Between a worker's death and its replacement serving again, every scan fails.
    const worker = inputs.inference.worker;
    if (worker === 'restarting' || worker === 'down') reasons.push('inference_restarting');
    const calibration = inputs.inference.calibration;
    if (calibration?.camera && calibration.state !== 'ok') reasons.push(`calibration_${calibration.state}`);
  }
  if (inputs.reader === 'offline') reasons.push('reader_offline');
  if (inputs.updateFailures >= UPDATE_FAILURES_ALERT) reasons.push('updates_failing');
  const worker = inputs.inference?.worker;
  return {
    status: reasons.length === 0 ? 'ok' : 'degraded',
    reasons,
    version: inputs.version,
    uptimeSec: Math.round(inputs.uptimeSec),
    ...(worker === undefined ? {} : { inference: { worker, restarts: inputs.inference?.restarts ?? 0 } }),
  };
}
