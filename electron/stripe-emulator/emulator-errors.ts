/**
 * Stripe's error envelope: `{ error: { type, code, message, decline_code, param } }` with the HTTP
 * status Stripe uses for each type (400 invalid request, 401 auth, 402 card, 404 missing, 409
 * idempotency conflict, 500 api error). Route code throws `StripeApiFailure`; the server renders it.
 */
type StripeErrorType = 'invalid_request_error' | 'card_error' | 'api_error' | 'idempotency_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  payment_intent?: unknown;
}

export class StripeApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

const docUrl = (code: string) => `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;

/** 400 `invalid_request_error`, optionally with a code and the offending parameter. */
export const invalidRequest = (message: string, code?: string, param?: string): StripeApiFailure =>
  new StripeApiFailure(400, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: docUrl(code) } : {}),
    ...(param ? { param } : {}),
  });

/** 404 `resource_missing` for an id the emulator has never issued. */
export const resourceMissing = (kind: string, id: string, param = 'id'): StripeApiFailure =>
  new StripeApiFailure(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${kind}: '${id}'`,
    param,
  });

/** A required parameter was not sent. */
export const missingParam = (param: string): StripeApiFailure =>
  invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);

/** Envelope for an error body, as serialised on the wire. */
export const errorEnvelope = (body: StripeErrorBody) => ({ error: body });
