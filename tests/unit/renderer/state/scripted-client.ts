import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../../../electron/shared/ipc-contract';
import type { KioskErrorShape, Result } from '../../../../electron/shared/result';
import type { KioskClient } from '../../../../renderer/src/lib/client/kiosk-client';

type Answer<C extends ChannelName> =
  | ChannelOutput<C>
  | { error: KioskErrorShape }
  | ((
      input: ChannelInput<C>,
    ) =>
      ChannelOutput<C> | { error: KioskErrorShape } | Promise<ChannelOutput<C> | { error: KioskErrorShape }>);

/**
 * A KioskClient for the renderer's state classes: each channel answers from a script (a value, an
 * error, or a function of the input), every call is recorded, and events are pushed by the test.
 */
export class ScriptedClient implements KioskClient {
  readonly calls: { channel: ChannelName; input: unknown }[] = [];
  private readonly answers = new Map<ChannelName, Answer<never>>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();

  answer<C extends ChannelName>(channel: C, answer: Answer<C>): this {
    this.answers.set(channel, answer as Answer<never>);
    return this;
  }

  callsTo(channel: ChannelName): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    this.calls.push({ channel, input });
    const script = this.answers.get(channel) as Answer<C> | undefined;
    if (script === undefined)
      return { ok: false, error: { code: 'INTERNAL', message: `no answer for ${channel}` } };
    const value =
      typeof script === 'function' ? await (script as (i: ChannelInput<C>) => unknown)(input) : script;
    if (value && typeof value === 'object' && 'error' in value)
      return { ok: false, error: value.error as KioskErrorShape };
    return { ok: true, value: value as ChannelOutput<C> };
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (p: unknown) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }
}
