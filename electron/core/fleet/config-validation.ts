import type { z } from 'zod';
import { KioskConfigSchema, type KioskConfig } from '../config/kiosk-config-schema';

export type ConfigValidation = { ok: true; config: KioskConfig } | { ok: false; reasons: string[] };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+|localhost)$/i;

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** One readable line per zod issue: `updates.window.start: expected HH:MM (24 h)`. */
function formatConfigIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => `${pathOf([...issue.path, k])}: unknown field`).join('; ');
    }
    return `${pathOf(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
  });
}

/** Credentials, the store's telemetry and crash data travel only encrypted once they leave the machine. */
function isHttpsOrLoopback(raw: string): boolean {
  const url = new URL(raw);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

function remoteWriteAuthProblems(config: KioskConfig): string[] {
  const auth = config.monitoring.remoteWrite?.auth;
  if (auth?.kind === 'bearer' && !auth.tokenEncrypted && !auth.tokenPlain) {
    return ['monitoring.remoteWrite.auth.tokenPlain: required for bearer auth (sealed at first start)'];
  }
  if (auth?.kind === 'basic' && !auth.passwordEncrypted && !auth.passwordPlain) {
    return ['monitoring.remoteWrite.auth.passwordPlain: required for basic auth (sealed at first start)'];
  }
  return [];
}

/** Rules that span fields; each failure names the field to fix. */
function crossFieldProblems(config: KioskConfig): string[] {
  const problems: string[] = [];
  if (!config.locales.includes(config.defaultLocale)) {
    problems.push(
      `defaultLocale: "${config.defaultLocale}" is not one of locales (${config.locales.join(', ')})`,
    );
  }
  if (config.catalog.feedUrl && !config.catalog.publicKeyPem) {
    problems.push('catalog.publicKeyPem: required when catalog.feedUrl is set (feeds are signed)');
  }
  if (config.payments.mode === 'stripe') {
    if (!config.payments.locationId)
      problems.push('payments.locationId: required when payments.mode is "stripe"');
    if (!config.payments.readerId)
      problems.push('payments.readerId: required when payments.mode is "stripe"');
    if (!config.payments.apiKeyEncrypted && !config.payments.apiKeyPlain) {
      problems.push(
        'payments.apiKeyEncrypted: required when payments.mode is "stripe" (or apiKeyPlain, sealed at first start)',
      );
    }
  }
  const urls: [string, string | null][] = [
    ['updates.url', config.updates.url],
    ['monitoring.remoteWrite.url', config.monitoring.remoteWrite?.url ?? null],
    ['monitoring.crashReportUrl', config.monitoring.crashReportUrl],
  ];
  for (const [field, url] of urls) {
    if (url && !isHttpsOrLoopback(url)) {
      problems.push(`${field}: must be https:// (plain http is accepted only on loopback)`);
    }
  }
  problems.push(...remoteWriteAuthProblems(config));
  if (config.updates.window.start === config.updates.window.end) {
    problems.push('updates.window: start and end must differ');
  }
  if (!IP_LITERAL.test(config.monitoring.bindAddress)) {
    problems.push('monitoring.bindAddress: expected an IP address such as 127.0.0.1');
  }
  return problems;
}

/**
 * Parses a config document that came from a file (already JSON-parsed). Never throws: a bad file
 * becomes a list of reasons the "needs setup" screen and the log can show.
 */
export function validateKioskConfig(raw: unknown): ConfigValidation {
  const parsed = KioskConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reasons: formatConfigIssues(parsed.error.issues) };
  const problems = crossFieldProblems(parsed.data);
  return problems.length ? { ok: false, reasons: problems } : { ok: true, config: parsed.data };
}

/** The bundled demo configuration: what a kiosk without a config file runs. */
export function demoConfig(): KioskConfig {
  // The demo catalog's products live on the fictional shop.example (a reserved domain), and the
  // "save my results" page is shown as published there, so every QR code of the demo has a target.
  return KioskConfigSchema.parse({
    links: {
      allowedHosts: ['shop.example'],
      cart: { kind: 'query', template: 'https://shop.example/cart/add?sku={sku}&qty={qty}' },
      resultsPageUrl: 'https://shop.example/skin-results/',
    },
  });
}
