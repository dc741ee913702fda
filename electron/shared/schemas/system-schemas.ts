import { z } from 'zod';

export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;

/** What the renderer needs to know at start; nothing secret. */
export const AppInfo = z.object({
  version: z.string(),
  storeId: z.string(),
  kioskId: z.string(),
  locales: z.array(Locale).min(1),
  defaultLocale: Locale,
  idleTimeoutSec: z.number().int().positive(),
  stillThereSec: z.number().int().positive(),
  /** True when payments go to the built-in Stripe emulator. */
  demoPayments: z.boolean(),
  /** Set when the config file is missing or invalid: the kiosk shows "needs setup". */
  needsSetup: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const CameraState = z.enum(['ok', 'missing', 'denied']);
export type CameraState = z.infer<typeof CameraState>;

export const SessionEndReason = z.enum(['completed', 'idle', 'start_over', 'declined_consent', 'error']);

export const StaffStatus = z.object({
  unlocked: z.boolean(),
  /** ISO time until which PIN entry is locked after too many wrong tries. */
  lockedUntil: z.string().nullable(),
  attemptsLeft: z.number().int().nonnegative(),
});
export type StaffStatus = z.infer<typeof StaffStatus>;

export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  reasons: z.array(z.string()),
  version: z.string(),
  uptimeSec: z.number(),
  /**
   * The inference worker's state (`running`, `restarting`, `down`, …) and how many times it was
   * restarted after dying since the kiosk started; absent until the analysis service reports.
   */
  inference: z.object({ worker: z.string(), restarts: z.number().int().nonnegative() }).optional(),
});
export type HealthReport = z.infer<typeof HealthReport>;

export const UpdateState = z.object({
  channel: z.string(),
  phase: z.enum(['idle', 'checking', 'downloading', 'downloaded', 'installing', 'error', 'disabled']),
  availableVersion: z.string().nullable(),
  progressPercent: z.number().min(0).max(100).nullable(),
  window: z.string(),
  lastCheckAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type UpdateState = z.infer<typeof UpdateState>;
