import type { CameraColourSettings } from '../../shared/schemas/colour-schemas';
import type { PartialHandlerTable } from '../handler-types';
import type { BrandingService } from '../branding-service';
import type { SessionService } from '../session-service';
import type { StaffService } from '../staff-service';

type SessionChannels =
  'app:info' | 'app:brand-asset' | 'session:start' | 'session:end' | 'session:camera-state';
type StaffChannels = 'staff:unlock' | 'staff:lock' | 'staff:status';

/** What the analysis side does when the renderer opens a camera: the settings to lock, if calibrated. */
export interface CameraOpened {
  opened(label: string | null): CameraColourSettings | null;
}

export function createSessionHandlers(
  session: SessionService,
  branding: BrandingService,
  camera: CameraOpened = { opened: () => null },
): PartialHandlerTable<SessionChannels> {
  return {
    'app:info': async () => session.info(),
    'app:brand-asset': async ({ asset }) => branding.asset(asset),
    'session:start': async () => session.start(),
    'session:end': async ({ reason }) => {
      session.end(reason);
      return { done: true as const };
    },
    'session:camera-state': async ({ state, camera: which }) => {
      session.setCameraState(state);
      return { done: true as const, settings: camera.opened(state === 'ok' ? (which?.label ?? null) : null) };
    },
  };
}

export function createStaffHandlers(staff: StaffService): PartialHandlerTable<StaffChannels> {
  return {
    'staff:unlock': async ({ pin }) => staff.unlock(pin),
    'staff:lock': async () => staff.lock(),
    'staff:status': async () => staff.status(),
  };
}
