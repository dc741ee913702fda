import { z } from 'zod';

/**
 * The one per-kiosk config file IT provisions (see docs/configuration.md). Every field has a default
 * so a kiosk with no file runs the bundled demo (demo catalog, demo payments); a file that exists but
 * does not parse puts the kiosk into a "needs setup" staff screen instead of crashing. Every object is
 * strict, so a misspelt field is reported rather than silently ignored; rules that span fields
 * (a Stripe reader needs a key, a feed needs its public key …) live in core/fleet/config-validation.ts.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');

export const KioskConfigSchema = z
  .object({
    storeId: z.string().min(1).max(64).default('demo-store'),
    kioskId: z.string().min(1).max(64).default('demo-kiosk-1'),
    locales: z
      .array(z.enum(['en', 'es']))
      .min(1)
      .default(['en', 'es']),
    defaultLocale: z.enum(['en', 'es']).default('en'),
    session: z
      .object({
        idleTimeoutSec: z.number().int().min(15).max(600).default(60),
        stillThereSec: z.number().int().min(5).max(60).default(10),
      })
      .strict()
      .prefault({}),
    staff: z
      .object({
        /** `scrypt$N$r$p$saltB64$hashB64` (written by `skinkiosk provision --pin`); null = the demo PIN 1234. */
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
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskConfigInput = z.input<typeof KioskConfigSchema>;
