#!/usr/bin/env node
/**
 * Security lint for the Electron code: runs Doyensec's Electronegativity over `electron/` (and any
 * extra inputs given) and fails only on HIGH-severity findings. Lower severities are printed as a
 * summary so they can be reviewed without blocking a build.
 *
 * One exception: findings the tool itself marks "manual review" with TENTATIVE confidence (e.g.
 * LIMIT_NAVIGATION_JS_CHECK on every will-navigate handler: "evaluate the implementation of the
 * callback") are listed as review items, not failures. Suppressing them with `eng-disable` would
 * also blind the global check that fails when no navigation limit exists at all.
 *
 * Usage: node build/scripts/lint-security.mjs [--offline] [input …]    (default input: electron)
 *   --offline  skip the check that downloads Electron's release list to flag missed security fixes
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FAIL_AT = 'HIGH';
const ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

/** A HIGH finding that only asks a human to look at a callback, at the tool's lowest confidence. */
const isReviewHint = (i) => i.manualReview === true && i.confidence.name === 'TENTATIVE';

/**
 * Groups findings by severity and decides the outcome. Pure, so the rule can be tested on data.
 * @param {{ id: string, file: string, location: { line: number, column: number }, severity: { name: string }, confidence: { name: string }, description: string, manualReview?: boolean }[]} issues
 * @returns {{ failed: boolean, counts: Record<string, number>, blocking: typeof issues, review: typeof issues }}
 */
export function summarize(issues) {
  const counts = Object.fromEntries(ORDER.map((s) => [s, 0]));
  for (const issue of issues) counts[issue.severity.name] = (counts[issue.severity.name] ?? 0) + 1;
  const high = issues.filter((i) => i.severity.name === FAIL_AT);
  const blocking = high.filter((i) => !isReviewHint(i));
  const review = high.filter(isReviewHint);
  return { failed: blocking.length > 0, counts, blocking, review };
}

/** @param {ReturnType<typeof summarize>} summary @param {{ file: string, message: string }[]} parseErrors */
function report(summary, issues, parseErrors) {
  for (const sev of ORDER.slice(1)) {
    const ids = [...new Set(issues.filter((i) => i.severity.name === sev).map((i) => i.id))];
    if (ids.length) console.log(`  ${sev.padEnd(13)} ${summary.counts[sev]} finding(s): ${ids.join(', ')}`);
  }
  for (const i of summary.review)
    console.log(`  review ${i.id} ${i.file}:${i.location.line}:${i.location.column} (manual review)`);
  for (const err of parseErrors) console.warn(`  not scanned: ${err.file}: ${err.message}`);
  for (const i of summary.blocking) {
    console.error(
      `  HIGH ${i.id} ${i.file}:${i.location.line}:${i.location.column} [${i.confidence.name}] ${i.description}`,
    );
  }
  const line = ORDER.map((s) => `${summary.counts[s]} ${s.toLowerCase()}`).join(', ');
  console.log(
    `lint:security: ${line} — ${summary.failed ? 'FAILED (high-severity findings above)' : 'passed'}`,
  );
}

/**
 * @param {string[]} argv input folders/files relative to the repo root
 * @param {string} [repoRoot]
 * @returns {Promise<number>} exit code
 */
export async function main(argv, repoRoot = REPO_ROOT) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const mod = require('@doyensec/electronegativity');
  const run = typeof mod === 'function' ? mod : mod.default;
  const electronPkg = path.join(repoRoot, 'node_modules', 'electron', 'package.json');
  const electronVersion = existsSync(electronPkg)
    ? JSON.parse(readFileSync(electronPkg, 'utf8')).version
    : undefined;
  const offline = argv.includes('--offline');
  const args = argv.filter((a) => a !== '--offline');
  const inputs = args.length ? args : ['electron'];
  const excludeFromScan = offline ? ['AvailableSecurityFixesGlobalCheck'] : [];
  const issues = [];
  const parseErrors = [];
  for (const input of inputs) {
    const abs = path.resolve(repoRoot, input);
    if (!existsSync(abs)) {
      console.error(`lint:security: input not found: ${input}`);
      return 2;
    }
    const result = await run({
      input: abs,
      isRelative: true,
      electronVersion,
      electronVersionOverride: electronVersion,
      excludeFromScan,
    });
    // Global checks (CSP, navigation limits) concern the whole input and carry no file.
    issues.push(
      ...result.issues.map((i) => ({ ...i, file: i.file === 'N/A' ? input : path.join(input, i.file) })),
    );
    parseErrors.push(...result.errors.filter((e) => !e.tolerable));
  }
  const summary = summarize(issues);
  report(summary, issues, parseErrors);
  return summary.failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`lint:security: ${err instanceof Error ? err.stack : String(err)}`);
      process.exit(1);
    },
  );
}
