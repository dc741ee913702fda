import { z } from 'zod';

/**
 * Every failure that crosses the bridge has one of these codes. The renderer maps each code to a
 * localized sentence a shopper or staff member can act on; `message` is for logs and staff screens.
 */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNAUTHORIZED',
  'INTERNAL',
  'NOT_FOUND',
  'CAMERA_UNAVAILABLE',
  'IMAGE_INVALID',
  'IMAGE_TOO_LARGE',
  'NO_FACE',
  'MULTIPLE_FACES',
  'QUALITY_SIZE',
  'QUALITY_POSE',
  'QUALITY_LIGHT',
  'QUALITY_BLUR',
  'MODEL_UNAVAILABLE',
  'ANALYSIS_INTERRUPTED',
  'CHART_NOT_FOUND',
  'CALIBRATION_REJECTED',
  'CATALOG_UNAVAILABLE',
  'FEED_UNREACHABLE',
  'FEED_SIGNATURE_INVALID',
  'FEED_CHECKSUM_INVALID',
  'FEED_MALFORMED',
  'CART_INVALID',
  'CART_CHANGED',
  'CART_CLOSED',
  'PAYMENT_DECLINED',
  'PAYMENT_READER_OFFLINE',
  'PAYMENT_CANCELED',
  'PAYMENT_FAILED',
  'PAYMENT_NOT_CONFIGURED',
  'STAFF_PIN_INVALID',
  'STAFF_LOCKED_OUT',
  'STAFF_PIN_NOT_SET',
  'STAFF_REQUIRED',
  'CONFIG_INVALID',
  'UPDATE_FAILED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const KioskErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Optional machine-readable details (never personal data), e.g. a lockout's end time. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type KioskErrorShape = z.infer<typeof KioskErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorShape };

/** Builds the zod schema of a `Result<T>` so both ends can validate what crossed the wire. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: KioskErrorShape }),
  ]);

/** A typed error that services throw; the IPC layer turns it into `{ ok: false, error }`. */
export class KioskError extends Error {
  override readonly name = 'KioskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: KioskErrorShape['details'],
  ) {
    super(message);
  }

  toShape(): KioskErrorShape {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
