/**
 * Stripe's documented test card numbers the emulated reader understands. A presentation without a
 * number uses 4242 4242 4242 4242, as Stripe's simulated readers do.
 */
export type CardOutcome =
  | { kind: 'success'; brand: string; last4: string }
  | { kind: 'decline'; brand: string; last4: string; declineCode: string; message: string };

export const TEST_CARDS = {
  success: '4242424242424242',
  generic_decline: '4000000000000002',
  insufficient_funds: '4000000000009995',
} as const;
export type TestCardName = keyof typeof TEST_CARDS;

const outcomes: Record<string, CardOutcome> = {
  [TEST_CARDS.success]: { kind: 'success', brand: 'visa', last4: '4242' },
  [TEST_CARDS.generic_decline]: {
    kind: 'decline',
    brand: 'visa',
    last4: '0002',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  [TEST_CARDS.insufficient_funds]: {
    kind: 'decline',
    brand: 'visa',
    last4: '9995',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};

/** The outcome for a card number (spaces ignored), or null for a number the emulator does not know. */
export function cardOutcome(number: string | undefined): CardOutcome | null {
  const digits = (number ?? TEST_CARDS.success).replace(/\s+/g, '');
  return outcomes[digits] ?? null;
}
