'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: Node's require() loads this file for the electron-updater path too */
/**
 * A recording stand-in for the `electron` module, for running the built main bundle under plain
 * Node (tests/integration/boot). It implements only what main uses, enforces the ordering rules
 * Electron itself enforces (privileged schemes before `ready`; sessions, protocol handlers and
 * windows after it), records every call that matters in order, and answers probes from the test
 * over the Node IPC channel. What a stub run cannot show (Chromium, the GPU, the sandbox, real
 * menus and key events) is listed in docs/operations.md.
 */
const { EventEmitter } = require('node:events');
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const env = process.env;
const records = [];
let ready = false;

function record(kind, detail = {}) {
  records.push({ seq: records.length, kind, ready, ...detail });
}

function note(line) {
  process.stderr.write(`[electron-stub] ${line}\n`);
}

function requireReady(api) {
  if (!ready) throw new Error(`${api} cannot be used before the app is ready (Electron throws here too)`);
}

// ── session ──────────────────────────────────────────────────────────────────
function createSession(id) {
  const handlers = { protocols: new Map(), permissionRequest: null, permissionCheck: null, device: null };
  return {
    id,
    handlers,
    protocol: {
      handle(scheme, fn) {
        requireReady('session.protocol.handle');
        record('protocol.handle', { scheme, session: id });
        handlers.protocols.set(scheme, fn);
      },
      isProtocolHandled: (scheme) => handlers.protocols.has(scheme),
    },
    setPermissionRequestHandler(fn) {
      record('session.setPermissionRequestHandler', { session: id });
      handlers.permissionRequest = fn;
    },
    setPermissionCheckHandler(fn) {
      record('session.setPermissionCheckHandler', { session: id });
      handlers.permissionCheck = fn;
    },
    setDevicePermissionHandler(fn) {
      record('session.setDevicePermissionHandler', { session: id });
      handlers.device = fn;
    },
  };
}
let defaultSession = null;
const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    defaultSession ??= createSession('default');
    return defaultSession;
  },
  fromPartition(partition) {
    requireReady('session.fromPartition');
    return createSession(partition);
  },
};

// ── app ──────────────────────────────────────────────────────────────────────
const paths = {
  userData: env.ELECTRON_STUB_USER_DATA ?? path.join(require('node:os').tmpdir(), 'electron-stub'),
};
const app = new EventEmitter();
Object.assign(app, {
  isPackaged: env.ELECTRON_STUB_PACKAGED === '1',
  getVersion: () => require(path.resolve(__dirname, '../../../package.json')).version,
  getName: () => 'Skin Kiosk',
  getPath: (name) => {
    if (!(name in paths)) throw new Error(`electron-stub: app.getPath('${name}') is not stubbed`);
    return paths[name];
  },
  setPath: (name, value) => {
    record('app.setPath', { name });
    paths[name] = value;
  },
  isReady: () => ready,
  whenReady: () =>
    new Promise((resolve) =>
      setImmediate(() => {
        if (!ready) {
          ready = true;
          record('ready');
          app.emit('ready');
        }
        resolve();
      }),
    ),
  requestSingleInstanceLock: () => {
    const got = env.ELECTRON_STUB_LOCK_HELD !== '1';
    record('app.requestSingleInstanceLock', { got });
    return got;
  },
  releaseSingleInstanceLock: () => record('app.releaseSingleInstanceLock'),
  quit: () => {
    record('app.quit');
    note('app.quit()');
    app.emit('before-quit', { preventDefault() {} });
    setImmediate(() => process.exit(0));
  },
  exit: (code = 0) => {
    note(`app.exit(${code})`);
    process.exit(code);
  },
  relaunch: () => {
    record('app.relaunch');
    note('app.relaunch()');
  },
  getAppMetrics: () => [],
});

// ── windows ──────────────────────────────────────────────────────────────────
const windows = [];
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.windowOpenHandler = null;
    this.destroyed = false;
  }
  loadURL(url) {
    record('webContents.loadURL', { url });
    return Promise.resolve();
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  setVisualZoomLevelLimits(min, max) {
    record('webContents.setVisualZoomLevelLimits', { min, max });
    return Promise.resolve();
  }
  setZoomLevel(level) {
    record('webContents.setZoomLevel', { level });
  }
  forcefullyCrashRenderer() {
    record('webContents.forcefullyCrashRenderer');
    // Electron reports the killed renderer like any other loss.
    setImmediate(() => this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
  }
  send(channel) {
    record('webContents.send', { channel });
  }
  isDestroyed() {
    return this.destroyed;
  }
}
class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    requireReady('new BrowserWindow');
    super();
    const { session: s, ...webPreferences } = options.webPreferences ?? {};
    this.session = s ?? session.defaultSession;
    this.options = options;
    this.webContents = new WebContents();
    record('BrowserWindow', {
      options: { ...options, webPreferences: { ...webPreferences, session: s ? s.id : null } },
      session: this.session.id,
    });
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return [...windows];
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

// ── the rest of the surface main uses ───────────────────────────────────────
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme, fn) {
    session.defaultSession.protocol.handle(scheme, fn);
  },
};

const ipcHandlers = new Map();
const ipcMain = {
  handle(channel, fn) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, fn);
    record('ipcMain.handle', { channel });
  },
};

let plainText = false;
const keyring = env.ELECTRON_STUB_KEYRING ?? 'gnome_libsecret';
const safeStorage = {
  setUsePlainTextEncryption(value) {
    record('safeStorage.setUsePlainTextEncryption', { value });
    plainText = value;
  },
  getSelectedStorageBackend: () => (ready ? keyring : 'unknown'),
  // Linux: without a keyring, encryption is only available once plain-text encryption is allowed.
  isEncryptionAvailable: () => ready && (keyring !== 'basic_text' || plainText),
  encryptString(text) {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Encryption is not available.');
    record('safeStorage.encryptString');
    return Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`);
  },
  decryptString(buf) {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Decryption is not available.');
    const s = buf.toString();
    if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(s.slice(7), 'base64').toString();
  },
};

let blockerId = 0;
const started = new Set();
const powerSaveBlocker = {
  start: () => {
    started.add(++blockerId);
    return blockerId;
  },
  stop: (id) => started.delete(id),
  isStarted: (id) => started.has(id),
};

const Menu = {
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', { menu: menu === null ? null : 'menu' });
  },
};

const crashReporter = {
  start(options) {
    if (ready === false) note('crashReporter.start() before ready');
    record('crashReporter.start', {
      submitURL: options?.submitURL ?? null,
      extra: options?.globalExtra ?? null,
    });
  },
};

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const net = {
  async fetch(url) {
    const file = fileURLToPath(url);
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' },
    });
  },
};

module.exports = {
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
};

// ── probes from the test, over the IPC channel ──────────────────────────────
const probes = require('./electron-stub-probes.cjs');
if (process.send) {
  process.on('message', async (msg) => {
    let reply;
    try {
      reply = { ok: true, value: await probes.run(msg, { records, windows, ipcHandlers }) };
    } catch (err) {
      reply = { ok: false, error: String(err && err.stack ? err.stack : err) };
    }
    process.send({ id: msg.id, ...reply });
  });
  // The IPC channel must not keep a finished process alive on its own.
  process.channel?.unref();
}
