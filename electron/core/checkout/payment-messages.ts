/**
 * Shopper-facing sentences for the reasons a payment did not go through. The renderer localises by
 * `reason`; these English sentences are the fallback and what staff see in the order log.
 */
const DECLINES: Record<string, string> = {
  generic_decline: 'Your card was declined. Please try another card, or pay at the counter.',
  insufficient_funds: 'Your card has insufficient funds. Please try another card, or pay at the counter.',
  lost_card: 'Your card was declined. Please try another card, or pay at the counter.',
  stolen_card: 'Your card was declined. Please try another card, or pay at the counter.',
  expired_card: 'Your card has expired. Please try another card.',
  incorrect_pin: 'The PIN was incorrect. Please try again.',
  card_velocity_exceeded: 'Your card has reached its limit. Please try another card.',
  do_not_honor: 'Your bank declined the payment. Please try another card, or pay at the counter.',
};

const KIOSK: Record<string, string> = {
  reader_offline: 'The card reader is offline. Please pay at the counter.',
  reader_busy: 'The card reader is busy. Please pay at the counter.',
  reader_timeout: 'The card reader did not answer. Please pay at the counter.',
  network: 'The kiosk cannot reach the payment service. Please pay at the counter.',
  timeout: 'No card was presented in time. The payment was canceled.',
  canceled: 'The payment was canceled. You have not been charged.',
  refunded: 'This payment was refunded.',
  failed: 'The payment could not be completed. You have not been charged. Please pay at the counter.',
  restart: 'The kiosk restarted before the payment finished. You have not been charged.',
};

/** The sentence for a Stripe decline code (unknown codes read as a plain decline). */
export const declineMessage = (declineCode: string | null): string =>
  DECLINES[declineCode ?? ''] ?? (DECLINES.generic_decline as string);

/** The sentence for a kiosk-side reason. */
export const kioskMessage = (reason: keyof typeof KIOSK | string): string =>
  KIOSK[reason] ?? (KIOSK.failed as string);
