/**
 * The architecture's borders, probed the way a mistake would cross them: a file dropped into a
 * layer that uses what the layer must not see. Types: each layer's tsconfig (lib and types) decides
 * which globals exist. Imports: ESLint's per-folder `no-restricted-imports`. Each probe has a
 * control that must compile or lint clean, so a broken harness cannot pass by failing everything.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

/** Type errors of `source` compiled as `<folder>/layer-probe.ts` under that layer's tsconfig. */
function typeErrors(tsconfig: string, folder: string, source: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    incremental: false,
  };
  const probe = path.join(root, folder, 'layer-probe.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === probe ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || fileExists(file);
  // The layer's own ambient declarations (e.g. core's web-platform globals) come with it.
  const ambient = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probe, ...ambient], options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layer types: a tsconfig per layer', () => {
  const pure = [
    ['electron/core/tsconfig.json', 'electron/core'],
    ['electron/shared/tsconfig.json', 'electron/shared'],
  ] as const;

  it.each(pure)('%s sees neither Node nor the DOM', (tsconfig, folder) => {
    expect(typeErrors(tsconfig, folder, 'export const n = Buffer.byteLength("x");')).toEqual([
      expect.stringContaining("Cannot find name 'Buffer'"),
    ]);
    expect(typeErrors(tsconfig, folder, 'export const e = process.env.HOME;')).toEqual([
      expect.stringContaining("Cannot find name 'process'"),
    ]);
    expect(typeErrors(tsconfig, folder, 'export const t = document.title;')).toEqual([
      expect.stringContaining("Cannot find name 'document'"),
    ]);
    expect(typeErrors(tsconfig, folder, 'export const w = window.innerWidth;')).toEqual([
      expect.stringContaining("Cannot find name 'window'"),
    ]);
  });

  it.each(pure)('%s may still build URLs, encode text and take an abort signal', (tsconfig, folder) => {
    const control = [
      'export const host = new URL("https://shop.example/a?b=1").searchParams.get("b");',
      'export const bytes = new TextEncoder().encode("é").length;',
      'export const text = new TextDecoder().decode(new Uint8Array([104, 105]));',
      'export const aborted = new AbortController().signal.aborted;',
      'export const b64 = btoa("hi") + atob("aGk=");',
    ].join('\n');
    expect(typeErrors(tsconfig, folder, control)).toEqual([]);
  });

  it('the renderer sees the DOM and not Node', () => {
    expect(
      typeErrors('renderer/tsconfig.json', 'renderer/src/lib', 'export const e = process.env.HOME;'),
    ).toEqual([expect.stringContaining("Cannot find name 'process'")]);
    expect(
      typeErrors('renderer/tsconfig.json', 'renderer/src/lib', 'export const b = Buffer.from("x");'),
    ).toEqual([expect.stringContaining("Cannot find name 'Buffer'")]);
    expect(
      typeErrors('renderer/tsconfig.json', 'renderer/src/lib', 'export const t = document.title;'),
    ).toEqual([]);
  });

  it('Node layers see Node and not the DOM', () => {
    for (const [tsconfig, folder] of [
      ['electron/tsconfig.node.json', 'electron/adapters'],
      ['electron/main/tsconfig.json', 'electron/main'],
    ] as const) {
      expect(typeErrors(tsconfig, folder, 'export const b = Buffer.from("x").length;')).toEqual([]);
      expect(typeErrors(tsconfig, folder, 'export const t = document.title;')).toEqual([
        expect.stringContaining("Cannot find name 'document'"),
      ]);
    }
  });
});

describe('import borders: ESLint per folder', () => {
  const eslint = new ESLint({ cwd: root });
  const borderErrors = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    [
      'electron/core/catalog/layer-probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    ],
    [
      'electron/core/catalog/layer-probe.ts',
      "import Database from 'better-sqlite3';\nexport const d = Database;\n",
    ],
    [
      'electron/core/catalog/layer-probe.ts',
      "import { openCatalogDb } from '../../adapters/catalog/catalog-db';\nexport const o = openCatalogDb;\n",
    ],
    ['electron/shared/layer-probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/adapters/catalog/layer-probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'renderer/src/lib/layer-probe.ts',
      "import { createKioskRuntime } from '../../../electron/services/kiosk-runtime';\nexport const c = createKioskRuntime;\n",
    ],
    ['renderer/src/lib/layer-probe.ts', "import path from 'node:path';\nexport const p = path;\n"],
  ])('%s may not import across its border (%#)', async (file, source) => {
    expect(await borderErrors(file, source)).not.toEqual([]);
  });

  it('allowed imports lint clean', async () => {
    expect(
      await borderErrors(
        'electron/core/catalog/layer-probe.ts',
        "import { z } from 'zod';\nexport const s = z.string();\n",
      ),
    ).toEqual([]);
    expect(
      await borderErrors(
        'renderer/src/lib/layer-probe.ts',
        "import { channelNames } from '../../../electron/shared/ipc-contract';\nexport const c = channelNames;\n",
      ),
    ).toEqual([]);
    expect(
      await borderErrors(
        'electron/main/layer-probe.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });
});
