import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hashPin } from '../adapters/staff/pin-hash-adapter';
import { writeKioskConfig } from '../adapters/config/kiosk-config-store';
import { KioskError } from '../shared/result';
import type { KioskConfigInput } from '../core/config/kiosk-config-schema';
import { readCommandLine } from './command-line';

const USAGE = `Usage: skinkiosk provision --store <id> --kiosk <id> --out <config.json> [options]

Writes one kiosk's config file (see docs/configuration.md), validated before it is written.

  --store <id>               store id (letters, digits, dashes)
  --kiosk <id>               kiosk id, unique within the store
  --out <file>               where to write the config (refuses to overwrite without --force)
  --locales <en,es>          shopper languages, first one is the default
  --feed-url <url>           signed catalog feed base URL (needs --feed-key)
  --feed-key <key.pub>       Ed25519 public key (PEM file) the feed is signed with
  --pin <digits>             staff PIN (4–12 digits), stored only as a scrypt hash
  --update-url <url>         update host (generic provider: latest-linux.yml / latest.yml live there)
  --channel <name>           update channel (default latest)
  --window <HH:MM-HH:MM>     maintenance window for installing updates, local time (default 02:00-05:00)
  --payments <mode>          demo | stripe | disabled (default: stripe when a reader is given, else demo)
  --stripe-location <id>     Stripe Terminal location (tml_…)
  --stripe-reader <id>       Stripe Terminal reader (tmr_…)
  --stripe-key-file <file>   file holding the restricted API key; the kiosk seals it with the OS keychain at first start
  --affiliate-id <id>        affiliate id filled into link templates
  --affiliate-template <t>   default link template ({url}, {sku}, {affiliateId})
  --idle-timeout <sec>       seconds without a touch before a session resets
  --metrics-port <port>      Prometheus /metrics and /health port, or "off"
  --metrics-bind <address>   address the metrics endpoint binds (default 127.0.0.1)
  --push-url <url>           Prometheus remote-write receiver to push metrics to (https, or http on loopback)
  --push-token-file <file>   bearer token for the push, sealed with the OS keychain at first start
  --push-user <name>         basic-auth user for the push (with --push-password-file)
  --push-password-file <f>   basic-auth password for the push, sealed at first start
  --push-interval <sec>      seconds between pushes (default 60, at most 300)
  --crash-url <url>          Breakpad/Crashpad minidump collector for crash reports (off by default)
  --force                    overwrite --out if it exists`;

const OPTIONS = {
  store: { type: 'string' },
  kiosk: { type: 'string' },
  out: { type: 'string', short: 'o' },
  locales: { type: 'string' },
  'feed-url': { type: 'string' },
  'feed-key': { type: 'string' },
  pin: { type: 'string' },
  'update-url': { type: 'string' },
  channel: { type: 'string' },
  window: { type: 'string' },
  payments: { type: 'string' },
  'stripe-location': { type: 'string' },
  'stripe-reader': { type: 'string' },
  'stripe-key-file': { type: 'string' },
  'affiliate-id': { type: 'string' },
  'affiliate-template': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-bind': { type: 'string' },
  'push-url': { type: 'string' },
  'push-token-file': { type: 'string' },
  'push-user': { type: 'string' },
  'push-password-file': { type: 'string' },
  'push-interval': { type: 'string' },
  'crash-url': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Partial<Record<keyof typeof OPTIONS, string | boolean>>;

const bad = (message: string) => new KioskError('INVALID_INPUT', message);

function integer(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw)) throw bad(`--${flag} must be a whole number, got "${raw}"`);
  return Number(raw);
}

async function readSmallFile(file: string, flag: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    throw bad(`--${flag}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The config document from the flags (validation happens when it is written). */
async function configFromFlags(v: Values): Promise<KioskConfigInput> {
  const str = (k: keyof typeof OPTIONS) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const config: KioskConfigInput = { storeId: str('store'), kioskId: str('kiosk') };
  const locales = str('locales');
  if (locales) {
    const list = locales.split(',').map((l) => l.trim()) as ('en' | 'es')[];
    config.locales = list;
    config.defaultLocale = list[0];
  }
  if (str('idle-timeout'))
    config.session = { idleTimeoutSec: integer(str('idle-timeout') as string, 'idle-timeout') };
  if (str('pin')) config.staff = { pinHash: await hashPin(str('pin') as string) };
  const feedKey = str('feed-key');
  if (str('feed-url') || feedKey) {
    config.catalog = {
      feedUrl: str('feed-url') ?? null,
      publicKeyPem: feedKey ? `${await readSmallFile(feedKey, 'feed-key')}\n` : null,
    };
  }
  if (str('affiliate-id') || str('affiliate-template')) {
    config.links = {
      affiliateId: str('affiliate-id'),
      defaultAffiliateTemplate: str('affiliate-template') ?? null,
    };
  }
  const stripeGiven = Boolean(str('stripe-location') || str('stripe-reader') || str('stripe-key-file'));
  const mode = str('payments') ?? (stripeGiven ? 'stripe' : 'demo');
  if (!['demo', 'stripe', 'disabled'].includes(mode))
    throw bad(`--payments must be demo, stripe or disabled, got "${mode}"`);
  config.payments = {
    mode: mode as 'demo' | 'stripe' | 'disabled',
    locationId: str('stripe-location') ?? null,
    readerId: str('stripe-reader') ?? null,
    apiKeyPlain: str('stripe-key-file')
      ? await readSmallFile(str('stripe-key-file') as string, 'stripe-key-file')
      : null,
  };
  const window = str('window');
  const windowMatch = window ? /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(window) : null;
  if (window && !windowMatch) throw bad(`--window must look like 02:00-05:00, got "${window}"`);
  config.updates = {
    url: str('update-url') ?? null,
    ...(str('channel') ? { channel: str('channel') } : {}),
    ...(windowMatch ? { window: { start: windowMatch[1] as string, end: windowMatch[2] as string } } : {}),
  };
  const port = str('metrics-port');
  const remoteWrite = await remoteWriteFromFlags(str);
  config.monitoring = {
    ...(port ? { metricsPort: port === 'off' ? null : integer(port, 'metrics-port') } : {}),
    ...(str('metrics-bind') ? { bindAddress: str('metrics-bind') } : {}),
    ...(remoteWrite ? { remoteWrite } : {}),
    ...(str('crash-url') ? { crashReportUrl: str('crash-url') } : {}),
  };
  return config;
}

type MonitoringInput = NonNullable<KioskConfigInput['monitoring']>;

async function remoteWriteFromFlags(
  str: (k: keyof typeof OPTIONS) => string | undefined,
): Promise<MonitoringInput['remoteWrite']> {
  const url = str('push-url');
  const tokenFile = str('push-token-file');
  const user = str('push-user');
  const passwordFile = str('push-password-file');
  if (!url) {
    if (tokenFile || user || passwordFile || str('push-interval'))
      throw bad('the --push-* flags need --push-url');
    return undefined;
  }
  if (tokenFile && (user || passwordFile))
    throw bad('use either --push-token-file or --push-user/--push-password-file');
  if (Boolean(user) !== Boolean(passwordFile)) throw bad('--push-user and --push-password-file go together');
  const auth = tokenFile
    ? { kind: 'bearer' as const, tokenPlain: await readSmallFile(tokenFile, 'push-token-file') }
    : user
      ? {
          kind: 'basic' as const,
          username: user,
          passwordPlain: await readSmallFile(passwordFile as string, 'push-password-file'),
        }
      : null;
  const interval = str('push-interval');
  return { url, auth, ...(interval ? { intervalSec: integer(interval, 'push-interval') } : {}) };
}

/** `skinkiosk provision …`: writes a validated kiosk config file. */
export async function runProvisionCommand(argv: string[]): Promise<number> {
  const parsed = readCommandLine({ args: argv, options: OPTIONS, allowPositionals: false }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const values: Values = parsed.values;
  const out = typeof values.out === 'string' ? values.out : null;
  if (!values.store || !values.kiosk || !out) {
    console.error(`--store, --kiosk and --out are required.\n\n${USAGE}`);
    return 2;
  }
  if (existsSync(out) && !values.force) {
    console.error(`${out} exists; pass --force to replace it.`);
    return 1;
  }
  try {
    const written = await writeKioskConfig(out, await configFromFlags(values));
    console.log(`Wrote ${out} for ${written.storeId}/${written.kioskId}`);
    console.log(
      `  payments: ${written.payments.mode}${written.payments.apiKeyPlain ? ' (key sealed at first start)' : ''}`,
    );
    console.log(
      `  updates:  ${written.updates.url ?? 'off'} channel=${written.updates.channel} window=${written.updates.window.start}-${written.updates.window.end}`,
    );
    console.log(`  catalog:  ${written.catalog.feedUrl ?? 'bundled demo'}`);
    console.log(
      `  metrics:  ${written.monitoring.metricsPort === null ? 'off' : `${written.monitoring.bindAddress}:${written.monitoring.metricsPort}`}`,
    );
    const push = written.monitoring.remoteWrite;
    console.log(
      `  push:     ${push ? `${push.url} every ${push.intervalSec} s${push.auth ? ` (${push.auth.kind}, sealed at first start)` : ''}` : 'off'}`,
    );
    console.log(`  crashes:  ${written.monitoring.crashReportUrl ?? 'off'}`);
    if (!written.staff.pinHash)
      console.warn(
        '  staff PIN: not set — staff mode stays closed on this kiosk (the demo PIN 1234 is never accepted with a config file); pass --pin',
      );
    return 0;
  } catch (err) {
    if (err instanceof KioskError) {
      console.error(
        err.code === 'CONFIG_INVALID'
          ? err.message.replace(/^Config not written: /, 'Not written:\n  ').replaceAll('; ', '\n  ')
          : err.message,
      );
      return 1;
    }
    throw err;
  }
}
