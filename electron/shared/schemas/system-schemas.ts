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
  /** The store's look from `branding` in the config; absent fields mean the built-in look. */
  branding: z
    .object({
      storeName: z.string().nullable(),
      /** Accent fill `#rrggbb` and the text colour that reads on it (WCAG AA), or null for the default. */
      accent: z.object({ fill: z.string(), ink: z.string() }).nullable(),
      /** Whether `app:brand-asset` has a logo / an Attract animation to give. */
      logo: z.boolean(),
      attract: z.enum(['builtin', 'video', 'image']),
    })
    .optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const BrandAssetKind = z.enum(['logo', 'attract']);
export type BrandAssetKind = z.infer<typeof BrandAssetKind>;

/** A store-supplied image or video, as bytes the renderer turns into an in-memory object URL. */
export const BrandAsset = z
  .object({
    mime: z.enum([
      'image/svg+xml',
      'image/png',
      'image/webp',
      'image/jpeg',
      'image/gif',
      'video/mp4',
      'video/webm',
    ]),
    data: z.instanceof(Uint8Array),
  })
  .nullable();
export type BrandAsset = z.infer<typeof BrandAsset>;

export const CameraState = z.enum(['ok', 'missing', 'denied']);
export type CameraState = z.infer<typeof CameraState>;

export const SessionEndReason = z.enum(['completed', 'idle', 'start_over', 'declined_consent', 'error']);

export const StaffStatus = z.object({
  unlocked: z.boolean(),
  /** ISO time until which PIN entry is locked after too many wrong tries. */
  lockedUntil: z.string().nullable(),
  attemptsLeft: z.number().int().nonnegative(),
  /**
   * False when no PIN can open staff mode on this kiosk: its config file names none, or the file
   * cannot be used ("needs setup"). A kiosk with a config file never accepts the demo PIN.
   */
  pinConfigured: z.boolean(),
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
