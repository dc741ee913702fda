import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, summarize, type SecurityIssue } from '../../../build/scripts/lint-security.mjs';

const issue = (id: string, severity: string): SecurityIssue => ({
  id,
  file: 'electron/main/x.ts',
  location: { line: 1, column: 0 },
  severity: { name: severity },
  confidence: { name: 'CERTAIN' },
  description: id,
});

const root = path.resolve(__dirname, '../../..');
let dir: string;
beforeEach(() => {
  // Inside the repo so electronegativity finds the project's Electron version.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(path.join(root, '.tmp', 'seclint-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('security lint', () => {
  it('fails only on HIGH findings and counts the rest', () => {
    const low = summarize([
      issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM'),
      issue('X', 'LOW'),
      issue('Y', 'INFORMATIONAL'),
    ]);
    expect(low).toMatchObject({
      failed: false,
      counts: { HIGH: 0, MEDIUM: 1, LOW: 1, INFORMATIONAL: 1 },
      blocking: [],
    });
    const high = summarize([issue('NODE_INTEGRATION_JS_CHECK', 'HIGH'), issue('X', 'LOW')]);
    expect(high.failed).toBe(true);
    expect(high.blocking.map((i) => i.id)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
  });

  it('lists tentative manual-review HIGH hints without failing, but not firmer ones', () => {
    const hint = {
      ...issue('LIMIT_NAVIGATION_JS_CHECK', 'HIGH'),
      manualReview: true,
      confidence: { name: 'TENTATIVE' },
    };
    const r = summarize([hint]);
    expect(r).toMatchObject({ failed: false, blocking: [], review: [hint] });
    expect(summarize([{ ...hint, confidence: { name: 'FIRM' } }]).failed).toBe(true);
    expect(summarize([{ ...hint, manualReview: false }]).failed).toBe(true);
  });

  it('fails on a window with Node integration and no navigation limits', async () => {
    writeFileSync(
      path.join(dir, 'main.ts'),
      `import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n`,
    );
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--offline', path.relative(root, dir)], root)).toBe(1);
    expect(err.mock.calls.flat().join('\n')).toMatch(
      /HIGH (NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK)/,
    );
  });

  it('passes a locked-down window', async () => {
    writeFileSync(
      path.join(dir, 'main.ts'),
      [
        `import { app, BrowserWindow } from 'electron';`,
        `export function open() {`,
        `  const w = new BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: 'p.js' } });`,
        `  w.webContents.on('will-navigate', (e) => e.preventDefault());`,
        `  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));`,
        `  app.on('web-contents-created', (_e, c) => c.on('new-window', (ev) => ev.preventDefault()));`,
        `  return w;`,
        `}`,
      ].join('\n'),
    );
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--offline', path.relative(root, dir)], root)).toBe(0);
    const text = out.mock.calls.flat().join('\n');
    expect(text).toMatch(/review LIMIT_NAVIGATION_JS_CHECK .*main\.ts:4:\d+ \(manual review\)/);
    expect(text).toMatch(/lint:security: 3 high, .* — passed/);
  });

  it('reports a missing input as a usage error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['no/such/dir'], root)).toBe(2);
  });
});
