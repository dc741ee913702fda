import type { UpdateState } from '../../shared/schemas/system-schemas';
import { formatWindow, type MaintenanceWindow } from './maintenance-window';

/** What happens to the updater, in the order it usually happens. */
export type UpdateEvent =
  | { type: 'check-started'; at: string }
  | { type: 'not-available' }
  | { type: 'available'; version: string }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'installing' }
  | { type: 'failed'; message: string };

/** The state before anything ran; `disabled` when no update URL is configured. */
export function initialUpdateState(
  channel: string,
  window: MaintenanceWindow,
  enabled: boolean,
): UpdateState {
  return {
    channel,
    phase: enabled ? 'idle' : 'disabled',
    availableVersion: null,
    progressPercent: null,
    window: formatWindow(window),
    lastCheckAt: null,
    lastError: null,
  };
}

/**
 * The next state for an event. A disabled updater stays disabled; a downloaded update stays
 * downloaded until it installs (a later failed check does not throw the download away).
 */
export function reduceUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  if (state.phase === 'disabled') return state;
  switch (event.type) {
    case 'check-started':
      return {
        ...state,
        phase: state.phase === 'downloaded' ? 'downloaded' : 'checking',
        lastCheckAt: event.at,
      };
    case 'not-available':
      return { ...state, phase: 'idle', availableVersion: null, progressPercent: null, lastError: null };
    case 'available':
      return {
        ...state,
        phase: 'downloading',
        availableVersion: event.version,
        progressPercent: 0,
        lastError: null,
      };
    case 'progress':
      return state.phase === 'downloading'
        ? { ...state, progressPercent: Math.min(100, Math.max(0, Math.round(event.percent * 10) / 10)) }
        : state;
    case 'downloaded':
      return {
        ...state,
        phase: 'downloaded',
        availableVersion: event.version,
        progressPercent: 100,
        lastError: null,
      };
    case 'installing':
      return { ...state, phase: 'installing' };
    case 'failed':
      return state.phase === 'downloaded'
        ? { ...state, lastError: event.message }
        : { ...state, phase: 'error', progressPercent: null, lastError: event.message };
  }
}
