import type { ZodType } from 'zod';
import { channels, type ChannelName } from '../shared/ipc-contract';
import { KioskError, type Result } from '../shared/result';
import type { Logger } from '../core/ports/logger-port';
import type { HandlerContext, HandlerTable } from './handler-types';

/** Answers whether staff mode is unlocked right now; staff-only channels refuse otherwise. */
type StaffGate = () => boolean;

export interface InvokeDeps {
  handlers: HandlerTable;
  staffUnlocked: StaffGate;
  logger: Logger;
}

const isChannel = (name: string): name is ChannelName => Object.hasOwn(channels, name);

/**
 * The single path every request takes, whichever host received it: the channel name is checked,
 * the input is parsed from `unknown` with the contract's schema, staff-only channels are gated, the
 * handler runs, and its output is validated. Nothing throws past this function. Invalid payloads are
 * logged by channel and issue path only — never the payload, which may hold a camera frame.
 */
export async function invokeChannel(
  deps: InvokeDeps,
  name: string,
  raw: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  if (!isChannel(name)) {
    deps.logger.warn('ipc.unknown_channel', { channel: name.slice(0, 64) });
    return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel.' } };
  }
  const def = channels[name];
  const parsed = safeParseInput(def.input, raw ?? {});
  if (!parsed.success) {
    const where = parsed.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    deps.logger.warn('ipc.invalid_input', { channel: name, paths: where.slice(0, 200) });
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${name} at ${where}.` } };
  }
  if (def.staff && !deps.staffUnlocked()) {
    return { ok: false, error: { code: 'STAFF_REQUIRED', message: 'Staff mode is locked.' } };
  }
  try {
    const handler = deps.handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      deps.logger.error('ipc.invalid_output', {
        channel: name,
        issue: checked.error.issues[0]?.message ?? '',
      });
      return { ok: false, error: { code: 'INTERNAL', message: 'The kiosk produced an invalid answer.' } };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    if (err instanceof KioskError) {
      deps.logger.info('ipc.failed', { channel: name, code: err.code });
      return { ok: false, error: err.toShape() };
    }
    deps.logger.error('ipc.crashed', {
      channel: name,
      error: err instanceof Error ? err.message : String(err),
    });
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the kiosk.' } };
  }
}

type ParsedInput = { success: true; data: unknown } | { success: false; issues: { path: PropertyKey[] }[] };

/**
 * zod's safeParse, made total: a payload whose getters throw (an object whose prototype is a typed
 * array, say) is invalid input too, never an exception across the bridge.
 */
function safeParseInput(schema: ZodType, raw: unknown): ParsedInput {
  try {
    const parsed = schema.safeParse(raw);
    return parsed.success
      ? { success: true, data: parsed.data }
      : { success: false, issues: parsed.error.issues };
  } catch {
    return { success: false, issues: [{ path: [] }] };
  }
}
