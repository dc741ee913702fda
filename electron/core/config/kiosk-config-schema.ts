import { z } from 'zod';

/**
 * The one per-kiosk config file IT provisions (see docs/configuration.md). Every field has a default
 * so a kiosk with no file runs the bundled demo (demo catalog, demo payments); a file that exists but
 * does not parse puts the kiosk into a "needs setup" staff screen instead of crashing. Every object is
 * strict, so a misspelt field is reported rather than silently ignored; rules that span fields
 * (a Stripe reader needs a key, a feed needs its public key …) live in core/fleet/config-validation.ts.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');

/** A secret held either sealed by the OS keychain (base64) or in plain text until the first start seals it. */
const sealable = {
  encrypted: z.string().nullable().default(null),
  plain: z.string().min(1).nullable().default(null),
};

const RemoteWriteAuthSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('bearer'),
      tokenEncrypted: sealable.encrypted,
      tokenPlain: sealable.plain,
    })
    .strict(),
  z
    .object({
      kind: z.literal('basic'),
      username: z.string().min(1).max(256),
      passwordEncrypted: sealable.encrypted,
      passwordPlain: sealable.plain,
    })
    .strict(),
]);

const RemoteWriteSchema = z
  .object({
    /** The receiver's push URL, e.g. https://mimir.example.com/api/v1/push. https, or http on loopback. */
    url: z.string().url(),
    auth: RemoteWriteAuthSchema.nullable().default(null),
    /**
     * Seconds between pushes. At most 300: a receiver treats a series with no sample for 5 minutes
     * as gone (the query lookback), so a longer interval would make kiosks flicker "down".
     */
    intervalSec: z.number().int().min(1).max(300).default(60),
    /** Each wait is the interval ± this share, so a fleet restarted together does not push together. */
    jitterPercent: z.number().int().min(0).max(50).default(20),
    /** How much history is kept while the receiver is unreachable; older samples are dropped first. */
    bufferMinutes: z.number().int().min(1).max(1440).default(60),
    /** Hard cap on the buffer's memory whatever the window (compressed bytes). */
    maxBufferKiB: z.number().int().min(64).max(65536).default(4096),
    timeoutSec: z.number().int().min(1).max(60).default(10),
  })
  .strict();

export const KioskConfigSchema = z
  .object({
    storeId: z.string().min(1).max(64).default('demo-store'),
    kioskId: z.string().min(1).max(64).default('demo-kiosk-1'),
    locales: z
      .array(z.enum(['en', 'es']))
      .min(1)
      .default(['en', 'es']),
    defaultLocale: z.enum(['en', 'es']).default('en'),
    branding: z
      .object({
        /** Shown on Attract and in the header instead of the product name. */
        storeName: z.string().min(1).max(60).nullable().default(null),
        /** Fill colour of primary buttons and highlights; its text colour is chosen for contrast. */
        accentColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb')
          .nullable()
          .default(null),
        /** The store's logo: SVG, PNG, WebP or JPEG, at most 512 KiB. */
        logoFile: z.string().min(1).nullable().default(null),
        /** Replaces the built-in Attract animation: MP4/WebM video or animated WebP/GIF/SVG, ≤ 32 MiB. */
        attractMediaFile: z.string().min(1).nullable().default(null),
      })
      .strict()
      .prefault({}),
    session: z
      .object({
        idleTimeoutSec: z.number().int().min(15).max(600).default(60),
        stillThereSec: z.number().int().min(5).max(60).default(10),
      })
      .strict()
      .prefault({}),
    staff: z
      .object({
        /**
         * `scrypt$N$r$p$saltB64$hashB64` (written by `skinkiosk provision --pin`). Null in a config
         * file keeps staff mode closed; only a kiosk with no file at all takes the demo PIN 1234.
         */
        pinHash: z
          .string()
          .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
          .nullable()
          .default(null),
        maxAttempts: z.number().int().min(1).max(20).default(5),
        lockoutSec: z.number().int().min(30).max(3600).default(300),
      })
      .strict()
      .prefault({}),
    analysis: z
      .object({
        /** Preference order, filtered at start by what loads on this machine. */
        executionProviders: z
          .array(z.enum(['webgpu', 'dml', 'coreml', 'cuda', 'cpu']))
          .min(1)
          .default(['webgpu', 'dml', 'coreml', 'cuda', 'cpu']),
        /** Days after which a chart calibration counts as stale (lamps age, stores rearrange). */
        calibrationMaxAgeDays: z.number().int().min(1).max(365).default(30),
      })
      .strict()
      .prefault({}),
    catalog: z
      .object({
        /** Base URL of a published feed (manifest.json lives under it); null = bundled demo catalog only. */
        feedUrl: z.string().url().nullable().default(null),
        /** Ed25519 public key (PEM) the feed manifest must be signed with. */
        publicKeyPem: z.string().nullable().default(null),
        syncIntervalMin: z.number().int().min(1).max(1440).default(15),
      })
      .strict()
      .prefault({}),
    links: z
      .object({
        affiliateId: z.string().max(64).default('demo-affiliate'),
        /** Used when a product has no affiliate template of its own. `{url}`, `{sku}`, `{affiliateId}` are filled in. */
        defaultAffiliateTemplate: z.string().nullable().default(null),
        cart: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('shopify'), storeUrl: z.string().url() }).strict(),
            z.object({ kind: z.literal('query'), template: z.string() }).strict(),
          ])
          .nullable()
          .default(null),
        allowedHosts: z.array(z.string()).default([]),
        /** Where the static "save my results" page is published. */
        resultsPageUrl: z.string().url().nullable().default(null),
      })
      .strict()
      .prefault({}),
    payments: z
      .object({
        /** `demo` runs the built-in Stripe emulator on loopback and labels payments as demo on screen. */
        mode: z.enum(['demo', 'stripe', 'disabled']).default('demo'),
        locationId: z.string().nullable().default(null),
        readerId: z.string().nullable().default(null),
        /** The restricted key, encrypted with the OS keychain (safeStorage), base64. */
        apiKeyEncrypted: z.string().nullable().default(null),
        /** The key in plain text: provisioning writes it here and the kiosk seals it into apiKeyEncrypted at first start. */
        apiKeyPlain: z.string().nullable().default(null),
        /** Linux without a keyring (safeStorage backend `basic_text`): allow sealing anyway. Off by default. */
        allowBasicTextKeyStorage: z.boolean().default(false),
        taxDisplay: z.enum(['included', 'added', 'none']).default('included'),
        taxRatePercent: z.number().min(0).max(50).default(0),
      })
      .strict()
      .prefault({}),
    updates: z
      .object({
        url: z.string().url().nullable().default(null),
        channel: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .default('latest'),
        window: z.object({ start: hhmm, end: hhmm }).strict().default({ start: '02:00', end: '05:00' }),
        checkIntervalHours: z.number().min(1).max(48).default(4),
      })
      .strict()
      .prefault({}),
    monitoring: z
      .object({
        /** Prometheus metrics and /health on loopback; null turns the endpoint off. */
        metricsPort: z.number().int().min(1024).max(65535).nullable().default(9464),
        bindAddress: z.string().default('127.0.0.1'),
        /** Push the metrics to a Prometheus remote-write receiver; null = no push (the default). */
        remoteWrite: RemoteWriteSchema.nullable().default(null),
        /** Breakpad/Crashpad minidump collector; null = no crash reports (the default). */
        crashReportUrl: z.string().url().nullable().default(null),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskConfigInput = z.input<typeof KioskConfigSchema>;
