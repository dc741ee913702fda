'use strict';
/**
 * What the boot test can ask the stubbed main process: its call record, and the handlers main
 * installed (protocol, permissions, IPC, navigation, keys, renderer loss) called the way Electron
 * would call them.
 */

function theWindow(windows) {
  const win = windows[0];
  if (!win) throw new Error('no BrowserWindow was created');
  return win;
}

async function protocolProbe(win, url) {
  const handler = win.session.handlers.protocols.get(new URL(url).protocol.replace(':', ''));
  if (!handler) throw new Error(`no protocol handler on the window's session for ${url}`);
  const res = await handler(new Request(url));
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    csp: res.headers.get('content-security-policy'),
    contentType: res.headers.get('content-type'),
    bytes: body.length,
    head: body.subarray(0, 64).toString('utf8'),
  };
}

function frameOf(spec) {
  const data = new Uint8Array(spec.width * spec.height * 4).fill(spec.fill ?? 128);
  return { width: spec.width, height: spec.height, data };
}

async function run(msg, { records, windows, ipcHandlers }) {
  switch (msg.cmd) {
    case 'records':
      return records;
    case 'protocol':
      return protocolProbe(theWindow(windows), msg.url);
    case 'permission-check': {
      const check = theWindow(windows).session.handlers.permissionCheck;
      return check(null, msg.permission, msg.origin, msg.details ?? {});
    }
    case 'permission-request': {
      const request = theWindow(windows).session.handlers.permissionRequest;
      return new Promise((resolve) => request(null, msg.permission, resolve, msg.details ?? {}));
    }
    case 'invoke': {
      const handler = ipcHandlers.get(msg.channel);
      if (!handler) throw new Error(`no IPC handler for ${msg.channel}`);
      const payload = msg.frame ? frameOf(msg.frame) : msg.payload;
      const event = { senderFrame: { url: msg.senderUrl, parent: msg.subframe ? {} : null } };
      return handler(event, payload);
    }
    case 'navigate': {
      let prevented = false;
      theWindow(windows).webContents.emit(
        'will-navigate',
        { preventDefault: () => (prevented = true) },
        msg.url,
      );
      return prevented;
    }
    case 'window-open':
      return theWindow(windows).webContents.windowOpenHandler({ url: msg.url }).action;
    case 'key': {
      let prevented = false;
      const input = { type: 'keyDown', control: false, meta: false, alt: false, shift: false, ...msg.input };
      theWindow(windows).webContents.emit(
        'before-input-event',
        { preventDefault: () => (prevented = true) },
        input,
      );
      return prevented;
    }
    case 'renderer-gone':
      theWindow(windows).webContents.emit('render-process-gone', {}, { reason: msg.reason, exitCode: 1 });
      return true;
    default:
      throw new Error(`unknown probe ${msg.cmd}`);
  }
}

module.exports = { run };
