import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatIssue } from '../core/catalog/row-validation';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { KioskError } from '../shared/result';
import type { SyncReport } from '../shared/schemas/staff-schemas';
import { publishCatalog } from '../adapters/catalog/catalog-publisher';
import { feedKeyId, generateFeedKeyPair } from '../adapters/catalog/feed-signing';
import { loadKioskConfig, resolveConfigPath } from '../adapters/config/kiosk-config-store';
import { createConsoleLogger } from '../adapters/logging/console-logger-adapter';
import { createCatalogServices } from '../services/catalog-services';
import { sourceTreePaths } from '../services/kiosk-paths';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA_DIR = path.join(repoRoot, '.tmp', 'preview-data');

const HELP = `skinkiosk catalog <keygen|publish|import|sync> [options]

  keygen  [--out DIR]
      Writes an Ed25519 key pair: catalog-signing-key.pem (keep it secret, it signs catalogs) and
      catalog-signing-key.pub.pem (goes into each kiosk's config as catalog.publicKeyPem).

  publish --in products.csv|feed.xml|feed.tsv [--attributes attrs.csv] [--shades shades.csv]
          --key catalog-signing-key.pem --out DIR [--json]
      Validates the rows and writes a signed feed to DIR: manifest.json, a content-addressed
      snapshot, a delta from the version already in DIR, and the product images. Rows that fail
      validation are listed (file, line, column, reason) and left out.

  import PATH [--data-dir DIR] [--config FILE] [--public-key FILE]
      Installs a published feed from a folder (or its manifest.json), e.g. on a USB stick.

  sync [--data-dir DIR] [--config FILE] [--feed-url URL] [--public-key FILE]
      Syncs once from the configured (or given) feed URL.

The kiosk's data folder defaults to ${path.relative(process.cwd(), DEFAULT_DATA_DIR) || '.'}; its config to DIR/kiosk-config.json.`;

const print = (text: string): void => void process.stdout.write(`${text}\n`);
const fail = (text: string): void => void process.stderr.write(`${text}\n`);

function keygen(outDir: string): number {
  const privateFile = path.join(outDir, 'catalog-signing-key.pem');
  const publicFile = path.join(outDir, 'catalog-signing-key.pub.pem');
  if (existsSync(privateFile) || existsSync(publicFile)) {
    fail(`Refusing to overwrite ${existsSync(privateFile) ? privateFile : publicFile}.`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const { privateKeyPem, publicKeyPem } = generateFeedKeyPair();
  writeFileSync(privateFile, privateKeyPem, { mode: 0o600 });
  writeFileSync(publicFile, publicKeyPem);
  print(`private key: ${privateFile} (keep it off the kiosks)`);
  print(`public key:  ${publicFile} (key id ${feedKeyId(publicKeyPem)})`);
  print(`kiosk config: "catalog": { "publicKeyPem": ${JSON.stringify(publicKeyPem)} }`);
  return 0;
}

async function publish(values: Record<string, string | boolean | undefined>): Promise<number> {
  const { in: input, key, out } = values;
  if (typeof input !== 'string' || typeof key !== 'string' || typeof out !== 'string') {
    fail('publish needs --in, --key and --out.\n\n' + HELP);
    return 2;
  }
  const result = await publishCatalog({
    inputs: {
      products: input,
      attributes: (values.attributes as string) ?? null,
      shades: (values.shades as string) ?? null,
    },
    privateKeyPem: readFileSync(key, 'utf8'),
    outDir: out,
  });
  if (values.json) {
    print(JSON.stringify({ ...result, issues: result.issues.map(formatIssue) }, null, 2));
    return 0;
  }
  for (const issue of result.issues) fail(`rejected: ${formatIssue(issue)}`);
  for (const warning of result.warnings) fail(`warning: ${warning}`);
  const delta = result.delta
    ? `, delta from ${result.delta.fromVersion}: ${result.delta.upserts} changed, ${result.delta.removes} removed`
    : '';
  print(
    `${result.outcome} ${result.version}: ${result.rowCount} products, ${result.issues.length} rejected, ${result.warnings.length} warnings${delta}`,
  );
  return 0;
}

function describe(report: SyncReport): string {
  const lines = [
    `${report.outcome} (${report.mode}) ${report.fromVersion ?? 'nothing'} -> ${report.toVersion}: +${report.added} ~${report.updated} -${report.removed}`,
  ];
  for (const row of report.rejected) lines.push(`rejected ${row.sku ?? '-'}: ${row.reason}`);
  return lines.join('\n');
}

async function kioskConfig(
  values: Record<string, string | boolean | undefined>,
  dataDir: string,
): Promise<KioskConfig> {
  const configFile =
    typeof values.config === 'string' ? path.resolve(values.config) : resolveConfigPath(dataDir);
  const loaded = await loadKioskConfig(configFile);
  if (loaded.kind === 'invalid')
    throw new KioskError('CONFIG_INVALID', `${configFile}: ${loaded.reasons.join('; ')}`);
  const catalog = { ...loaded.config.catalog };
  if (typeof values['public-key'] === 'string')
    catalog.publicKeyPem = readFileSync(values['public-key'], 'utf8');
  if (typeof values['feed-url'] === 'string') catalog.feedUrl = values['feed-url'];
  return { ...loaded.config, catalog };
}

async function onKiosk(
  values: Record<string, string | boolean | undefined>,
  action: 'import' | 'sync',
  location?: string,
): Promise<number> {
  const dataDir = path.resolve(
    typeof values['data-dir'] === 'string' ? values['data-dir'] : DEFAULT_DATA_DIR,
  );
  mkdirSync(dataDir, { recursive: true });
  const config = await kioskConfig(values, dataDir);
  let phase = '';
  const services = await createCatalogServices(
    config,
    sourceTreePaths(repoRoot, dataDir),
    {
      emit: (_event, payload) => {
        const progress = payload as { phase: string; message: string | null };
        if (progress.phase !== phase)
          fail(`${progress.phase}${progress.message ? `: ${progress.message}` : ''}`);
        phase = progress.phase;
      },
    },
    { logger: createConsoleLogger('catalog', 'warn'), schedule: false },
  );
  try {
    const report =
      action === 'import' ? await services.importFile(path.resolve(location!)) : await services.syncNow();
    print(describe(report));
    return 0;
  } finally {
    await services.dispose();
  }
}

/** `skinkiosk catalog …`: key generation and publishing for staff/IT, import and sync on a kiosk. */
export async function runCatalogCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      in: { type: 'string' },
      attributes: { type: 'string' },
      shades: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'public-key': { type: 'string' },
      'feed-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [sub, location] = positionals;
  if (values.help || !sub) {
    print(HELP);
    return values.help ? 0 : 2;
  }
  try {
    switch (sub) {
      case 'keygen':
        return keygen(path.resolve(values.out ?? '.'));
      case 'publish':
        return await publish(values);
      case 'import':
        if (!location) {
          fail('import needs the path of a published feed folder.');
          return 2;
        }
        return await onKiosk(values, 'import', location);
      case 'sync':
        return await onKiosk(values, 'sync');
      default:
        fail(`unknown catalog command "${sub}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    fail(
      error instanceof KioskError
        ? `${error.code}: ${error.message}`
        : String((error as Error).message ?? error),
    );
    return 1;
  }
}
