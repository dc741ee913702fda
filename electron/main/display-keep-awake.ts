import { powerSaveBlocker } from 'electron';
import type { DisplayKeepAwake } from '../services/session-service';

/** Keeps the screen on while a shopper session is open; the OS may dim it on Attract. */
export function createDisplayKeepAwake(): DisplayKeepAwake {
  let id: number | null = null;
  return {
    hold() {
      if (id === null || !powerSaveBlocker.isStarted(id))
        id = powerSaveBlocker.start('prevent-display-sleep');
    },
    release() {
      if (id !== null && powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
      id = null;
    },
  };
}
