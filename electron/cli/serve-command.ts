import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startPreviewHost, type PreviewHost } from '../preview-host/preview-host-server';
import { assertLoopback, newToken } from '../preview-host/host-guard';
import { createKioskRuntime } from '../services/kiosk-runtime';
import { sourceTreePaths } from '../services/kiosk-paths';
import { loadKioskConfig, needsSetupMessage, resolveConfigPath } from '../adapters/config/kiosk-config-store';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `skinkiosk serve [--host 127.0.0.1] [--port 5199] [--data-dir DIR] [--config FILE] [--renderer-dir DIR] [--echo-logs]

Serves the built renderer (npm run build) and the kiosk's handlers to a browser on this machine.
Binds to loopback only; prints the address with its per-run token.`;

/** `skinkiosk serve`: the browser preview host used for development and the E2E tests. */
export async function runServeCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5199' },
      'data-dir': { type: 'string', default: path.join(repoRoot, '.tmp', 'preview-data') },
      config: { type: 'string' },
      'renderer-dir': { type: 'string', default: path.join(repoRoot, 'out', 'renderer') },
      'echo-logs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  // Refuse a bad address before anything opens a port (metrics, the demo payment emulator).
  assertLoopback(values.host);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number (0 picks a free one), not "${values.port}".`);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir']);
  mkdirSync(dataDir, { recursive: true });
  const loaded = await loadKioskConfig(
    values.config ? path.resolve(values.config) : resolveConfigPath(dataDir),
  );
  const runtime = await createKioskRuntime({
    config: loaded.config,
    needsSetup: needsSetupMessage(loaded),
    configFound: loaded.kind !== 'missing',
    paths: sourceTreePaths(repoRoot, dataDir),
    version: process.env.npm_package_version ?? 'dev',
    keepAwake: { hold() {}, release() {} },
    // The preview host is a development tool: the config's plain key is the only key it uses.
    paymentApiKey: loaded.config.payments.apiKeyPlain,
    echoLogs: values['echo-logs'],
  });
  const token = newToken();
  let host: PreviewHost;
  try {
    host = await startPreviewHost({
      runtime,
      rendererDir: path.resolve(values['renderer-dir']),
      host: values.host,
      port,
      token,
      logger: runtime.logger,
    });
  } catch (error) {
    // A refused start releases everything the runtime opened, so the process can exit.
    await runtime.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${values.host} is in use; choose another with --port (0 picks a free one).`
        : `The preview host could not start: ${(error as Error).message}`,
    );
    return 1;
  }
  console.log(`Skin Kiosk preview: ${host.url}?token=${token}`);
  const stop = async () => {
    await host.close();
    await runtime.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return new Promise<number>(() => undefined);
}
