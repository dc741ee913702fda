import type { PartialHandlerTable } from '../handler-types';
import type { BrandingService } from '../branding-service';
import type { SessionService } from '../session-service';
import type { StaffService } from '../staff-service';

type SessionChannels =
  'app:info' | 'app:brand-asset' | 'session:start' | 'session:end' | 'session:camera-state';
type StaffChannels = 'staff:unlock' | 'staff:lock' | 'staff:status';

export function createSessionHandlers(
  session: SessionService,
  branding: BrandingService,
): PartialHandlerTable<SessionChannels> {
  return {
    'app:info': async () => session.info(),
    'app:brand-asset': async ({ asset }) => branding.asset(asset),
    'session:start': async () => session.start(),
    'session:end': async ({ reason }) => {
      session.end(reason);
      return { done: true as const };
    },
    'session:camera-state': async ({ state }) => {
      session.setCameraState(state);
      return { done: true as const };
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
