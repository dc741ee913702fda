import { z } from 'zod';

/**
 * The store funnel, in the order a shopper meets it. Each step counts at most once per session;
 * steps are counted independently (a shopper who skips the scan can still see a routine).
 */
export const FunnelStep = z.enum([
  'attract',
  'consent',
  'scan_completed',
  'routine_shown',
  'added_to_cart',
  'qr_shown',
  'paid',
]);
export type FunnelStep = z.infer<typeof FunnelStep>;

/** Where a session said no or was told no; each counts at most once per session. */
export const DeclineCategory = z.enum([
  'consent',
  'scan',
  'card_declined',
  'payment_canceled',
  'payment_failed',
  'walked_away',
]);
export type DeclineCategory = z.infer<typeof DeclineCategory>;

/** Steps only the screen sees (the machine cannot tell that a consent was read or a cart filled). */
export const ScreenMilestone = FunnelStep.extract(['consent', 'added_to_cart']);
export type ScreenMilestone = z.infer<typeof ScreenMilestone>;

/** Today's counters on this kiosk: counts only, nothing about any shopper. */
export const FunnelDay = z.object({
  /** Local calendar day of the kiosk, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  steps: z.record(FunnelStep, z.number().int().nonnegative()),
  declines: z.record(DeclineCategory, z.number().int().nonnegative()),
});
export type FunnelDay = z.infer<typeof FunnelDay>;

/** The metrics push as the staff screen shows it. */
export const PushStatus = z.object({
  /** Receiver address without credentials or query. */
  url: z.string(),
  /** `waiting` until the first push answered. */
  state: z.enum(['waiting', 'ok', 'failing']),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  bufferedSnapshots: z.number().int().nonnegative(),
  bufferBytes: z.number().int().nonnegative(),
  droppedSnapshots: z.number().int().nonnegative(),
});
export type PushStatus = z.infer<typeof PushStatus>;

export const TelemetryStatus = z.object({
  funnel: FunnelDay,
  /** Null when no remote-write receiver is configured. */
  push: PushStatus.nullable(),
  crashReports: z.boolean(),
});
export type TelemetryStatus = z.infer<typeof TelemetryStatus>;
