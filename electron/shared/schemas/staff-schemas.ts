import { z } from 'zod';
import { Money } from './catalog-schemas';
import { HealthReport } from './system-schemas';
import { SkinProfile } from './skin-profile-schemas';

export const QrLink = z.object({ url: z.string().url(), qrSvg: z.string() });
export type QrLink = z.infer<typeof QrLink>;

export const LinkSet = z.object({
  products: z.array(z.object({ sku: z.string() }).and(QrLink)),
  cart: QrLink.nullable(),
});
export type LinkSet = z.infer<typeof LinkSet>;

export const SaveResultsRequest = z.object({
  profile: SkinProfile,
  skus: z.array(z.string().min(1).max(64)).max(20),
  /** Language the results page opens in (the page also offers a switch). */
  locale: z.enum(['en', 'es']).default('en'),
});
export type SaveResultsRequest = z.infer<typeof SaveResultsRequest>;

export const OrderSummary = z.object({
  orderId: z.string(),
  status: z.enum(['created', 'intent_created', 'processing', 'captured', 'failed', 'canceled', 'refunded']),
  total: Money,
  createdAt: z.string(),
  /** The payment provider's id for the order's card payment, for looking it up in the provider's dashboard. */
  paymentRef: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const SyncReport = z.object({
  fromVersion: z.string().nullable(),
  toVersion: z.string(),
  /** `unchanged` when the feed answered 304 or carried the version already installed. */
  outcome: z.enum(['applied', 'unchanged']),
  mode: z.enum(['delta', 'snapshot', 'none']),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  rejected: z.array(z.object({ sku: z.string().nullable(), reason: z.string() })),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const SyncProgress = z.object({
  phase: z.enum(['checking', 'downloading', 'verifying', 'applying', 'images', 'done', 'error']),
  fraction: z.number().min(0).max(1),
  message: z.string().nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const LogLine = z.object({
  time: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  msg: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

export const SystemInfo = z.object({
  version: z.string(),
  executionProvider: z.string(),
  camera: z.enum(['ok', 'missing', 'denied', 'unknown']),
  health: HealthReport,
  catalogVersion: z.string(),
  storeId: z.string(),
  kioskId: z.string(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
