import type { z } from 'zod';
import type { ChannelName, Channels, EventName, EventPayload } from '../shared/ipc-contract';

/** What every handler gets besides its parsed input. */
export interface HandlerContext {
  /** Push an event to the renderer that made the request (and any other open kiosk view). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** A handler receives input already parsed by the channel's schema and returns the output value. */
export type Handler<C extends ChannelName> = (
  input: z.output<Channels[C]['input']>,
  ctx: HandlerContext,
) => Promise<z.input<Channels[C]['output']>>;

/** The full handler table every host serves; each domain contributes its part. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };
export type PartialHandlerTable<K extends ChannelName> = { [C in K]: Handler<C> };
