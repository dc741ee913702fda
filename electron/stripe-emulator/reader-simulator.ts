import { invalidRequest, resourceMissing } from './emulator-errors';
import type { EmuPaymentIntent, EmuReader, EmulatorStore, ReaderApiError } from './emulator-store';
import { authoriseCard } from './card-authorisation';
import { stripeId } from './emulator-ids';
import type { FormObject } from './form-body-parser';
import { metadata, optionalString, requiredString } from './param-readers';
import { cardOutcome, type CardOutcome } from './test-cards';

export interface ReaderSimulatorOptions {
  /** Time between a card being presented and the reader's action finishing. */
  processingDelayMs: number;
  /** Present this card automatically this long after every new action (demo mode), or never. */
  autoPresent: { cardNumber: string; afterMs: number } | null;
  /** Base of the receipt URLs charges carry. */
  receiptBaseUrl: () => string;
}

/** Faults a test can arm: the next `busy`/`timeout` process requests fail with that Stripe code. */
export interface ReaderFaults {
  busy: number;
  timeout: number;
  /** A timeout whose request still reached the reader: the action starts, the caller hears a timeout. */
  timeoutAfterStart: number;
}

/**
 * Simulated readers (like Stripe's `simulated-wpe`): an action moves in_progress → succeeded | failed
 * over time, driven by `present_payment_method` and the processing delay.
 */
export class ReaderSimulator {
  readonly faults: ReaderFaults = { busy: 0, timeout: 0, timeoutAfterStart: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: EmulatorStore,
    private readonly options: ReaderSimulatorOptions,
  ) {}

  /** POST /v1/terminal/readers (registration code `simulated-wpe`). */
  create(params: FormObject): EmuReader {
    const code = requiredString(params, 'registration_code');
    if (code !== 'simulated-wpe') {
      throw invalidRequest(
        `The registration code ${code} is not valid.`,
        'terminal_reader_registration_code_invalid',
        'registration_code',
      );
    }
    const location = optionalString(params, 'location') ?? null;
    if (location && !this.store.locations.has(location))
      throw resourceMissing('terminal.location', location, 'location');
    const reader: EmuReader = {
      id: stripeId('tmr'),
      object: 'terminal.reader',
      action: null,
      device_sw_version: '2.42.0',
      device_type: 'simulated_wisepos_e',
      ip_address: '0.0.0.0',
      label: optionalString(params, 'label') ?? 'Simulated WisePOS E',
      last_seen_at: Date.now(),
      livemode: false,
      location,
      metadata: metadata(params) ?? {},
      serial_number: `WPE-SIMULATOR-${Math.floor(Math.random() * 1e6)}`,
      status: 'online',
    };
    this.store.readers.set(reader.id, reader);
    return reader;
  }

  get(id: string): EmuReader {
    const reader = this.store.readers.get(id);
    if (!reader) throw resourceMissing('terminal.reader', id);
    if (reader.status === 'online') reader.last_seen_at = Date.now();
    return reader;
  }

  setOnline(id: string, online: boolean): void {
    this.get(id).status = online ? 'online' : 'offline';
  }

  /** POST /v1/terminal/readers/:id/process_payment_intent */
  process(id: string, params: FormObject, pi: EmuPaymentIntent): EmuReader {
    const reader = this.get(id);
    if (reader.status === 'offline')
      throw readerError(
        'terminal_reader_offline',
        'Reader is currently offline, please ensure the reader is powered on and connected to the internet before retrying your request.',
      );
    if (this.faults.busy > 0) {
      this.faults.busy -= 1;
      throw readerError(
        'terminal_reader_busy',
        'Reader is currently busy processing another request. Please reference the docs for more information.',
      );
    }
    if (this.faults.timeout > 0) {
      this.faults.timeout -= 1;
      throw readerError(
        'terminal_reader_timeout',
        'There was a timeout when sending this command to the reader.',
      );
    }
    if (reader.action?.status === 'in_progress') {
      throw readerError(
        'terminal_reader_busy',
        'Reader is currently busy processing another request. Please reference the docs for more information.',
      );
    }
    if (pi.status !== 'requires_payment_method' || !pi.payment_method_types.includes('card_present')) {
      throw invalidRequest(
        `This PaymentIntent's status is ${pi.status} or it does not accept card_present; it cannot be processed on a reader.`,
        'payment_intent_unexpected_state',
        'payment_intent',
      );
    }
    requiredString(params, 'payment_intent');
    reader.action = {
      type: 'process_payment_intent',
      status: 'in_progress',
      failure_code: null,
      failure_message: null,
      api_error: null,
      process_payment_intent: { payment_intent: pi.id },
    };
    const auto = this.options.autoPresent;
    if (auto) this.later(auto.afterMs, () => this.presentIfWaiting(reader.id, pi.id, auto.cardNumber));
    if (this.faults.timeoutAfterStart > 0) {
      this.faults.timeoutAfterStart -= 1;
      throw readerError(
        'terminal_reader_timeout',
        'There was a timeout when sending this command to the reader.',
      );
    }
    return reader;
  }

  /** POST /v1/terminal/readers/:id/cancel_action */
  cancelAction(id: string): EmuReader {
    const reader = this.get(id);
    if (reader.status === 'offline')
      throw readerError('terminal_reader_offline', 'Reader is currently offline.');
    if (reader.action?.status !== 'in_progress') {
      throw invalidRequest(
        'This reader has no action in progress to cancel.',
        'terminal_reader_action_not_in_progress',
      );
    }
    this.fail(reader, 'canceled', 'The action was canceled.', null);
    return reader;
  }

  /** POST /v1/test_helpers/terminal/readers/:id/present_payment_method */
  present(id: string, params: FormObject): EmuReader {
    const reader = this.get(id);
    const card = params.card_present;
    const number =
      typeof card === 'object' && !Array.isArray(card) && typeof card.number === 'string'
        ? card.number
        : undefined;
    const outcome = cardOutcome(number);
    if (!outcome)
      throw invalidRequest(
        `Unsupported test card number: ${number}.`,
        'parameter_invalid_string',
        'card_present[number]',
      );
    const action = reader.action;
    if (action?.status !== 'in_progress') {
      throw invalidRequest(
        'This reader has no action in progress to present a payment method to.',
        'terminal_reader_action_not_in_progress',
      );
    }
    const piId = action.process_payment_intent.payment_intent;
    this.later(this.options.processingDelayMs, () => this.complete(reader, piId, outcome));
    return reader;
  }

  /** A canceled intent stops the reader that was collecting for it. */
  onIntentCanceled(pi: EmuPaymentIntent): void {
    for (const reader of this.store.readers.values()) {
      const action = reader.action;
      if (action?.status === 'in_progress' && action.process_payment_intent.payment_intent === pi.id) {
        this.fail(reader, 'payment_intent_canceled', 'The PaymentIntent was canceled.', null);
      }
    }
  }

  /** Presents a card now on whatever the reader is collecting for (demo taps, tests). */
  presentCard(readerId: string, cardNumber: string): void {
    this.present(readerId, { card_present: { number: cardNumber } });
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private presentIfWaiting(readerId: string, piId: string, cardNumber: string): void {
    const action = this.store.readers.get(readerId)?.action;
    if (action?.status === 'in_progress' && action.process_payment_intent.payment_intent === piId) {
      this.presentCard(readerId, cardNumber);
    }
  }

  private complete(reader: EmuReader, piId: string, outcome: CardOutcome): void {
    const action = reader.action;
    const pi = this.store.paymentIntents.get(piId);
    // The action may have been canceled while the card was being read.
    if (!pi || action?.status !== 'in_progress' || action.process_payment_intent.payment_intent !== piId)
      return;
    if (outcome.kind === 'decline') {
      const apiError: ReaderApiError = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: outcome.declineCode,
        message: outcome.message,
      };
      pi.last_payment_error = apiError;
      pi.status = 'requires_payment_method';
      this.fail(reader, 'card_declined', outcome.message, apiError);
      return;
    }
    authoriseCard(this.store, pi, outcome, this.options.receiptBaseUrl());
    action.status = 'succeeded';
  }

  private fail(reader: EmuReader, code: string, message: string, apiError: ReaderApiError | null): void {
    if (!reader.action) return;
    reader.action = {
      ...reader.action,
      status: 'failed',
      failure_code: code,
      failure_message: message,
      api_error: apiError,
    };
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }
}

const readerError = (code: string, message: string) => invalidRequest(message, code);
