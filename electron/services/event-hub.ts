import type { EventName, EventPayload } from '../shared/ipc-contract';
import type { EventSink } from './handler-types';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Fans events out to every connected view: the Electron window(s) and preview-host pages subscribe;
 * services only see the `EventSink` side.
 */
export class EventHub implements EventSink {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
