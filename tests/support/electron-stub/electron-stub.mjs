// ES-module face of the stub: main imports `electron` by name, and both faces share one instance.
import stub from './electron-stub.cjs';

export const {
  app,
  BrowserWindow,
  crashReporter,
  ipcMain,
  Menu,
  net,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
} = stub;
export default stub;
