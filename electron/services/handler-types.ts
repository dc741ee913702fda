import type { z } from 'zod';
import type { ChannelName, Channels, EventName, EventPayload } from '../shared/ipc-contract';

/** Pushes an event to every open kiosk view (Electron window or preview-host page). */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** What every handler gets besides its parsed input. Services built at start get the same sink. */
export type HandlerContext = EventSink;

/** A handler receives input already parsed by the channel's schema and returns the output value. */
export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
  ctx: HandlerContext,
) => Promise<z.input<Channels[C]['output']>>;

/** The full handler table every host serves; each domain contributes its part. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };
export type PartialHandlerTable<K extends ChannelName> = { [C in K]: Handler<C> };
