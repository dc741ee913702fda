import { createElectronBridgeClient } from './electron-bridge-client';
import type { KioskClient } from './kiosk-client';
import { createPreviewHostClient, takePreviewToken } from './preview-host-client';

/** Picks the Electron bridge when the preload provided one, else the preview host; null if neither. */
export function createKioskClient(): KioskClient | null {
  if (window.kiosk) return createElectronBridgeClient(window.kiosk);
  const token = takePreviewToken();
  return token ? createPreviewHostClient(token) : null;
}
