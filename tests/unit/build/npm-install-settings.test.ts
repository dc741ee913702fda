import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const ortDir = path.join(root, 'node_modules', 'onnxruntime-node');
const cudaProvider = path.join(ortDir, 'bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so');

/** This process's environment without anything npm set for the command that started it. */
const withoutNpm = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_|^ONNXRUNTIME_NODE_INSTALL/i.test(k)),
  );

/** onnxruntime-node's own postinstall, as an install in another project runs it, plus `env`. */
async function ortInstall(env: Record<string, string>): Promise<number> {
  try {
    await run(process.execPath, ['script/install.js'], {
      cwd: ortDir,
      env: { ...withoutNpm(), ...env },
      timeout: 60_000,
    });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? 1;
  }
}

/** Every `npm install` / `npm ci` command the README gives, in code blocks and inline code. */
function readmeInstallCommands(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```\w*\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n'));
  const inline = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  return [...blocks, ...inline].filter((text) => /\bnpm (install|ci)\b/.test(text));
}

describe('npm install settings', () => {
  it('gives npm no setting it does not know (no "Unknown project config" warning)', async () => {
    const { stderr } = await run('npm', ['config', 'get', 'fund'], {
      cwd: root,
      env: withoutNpm(),
      timeout: 60_000,
    });
    expect(stderr).not.toMatch(/Unknown (project|env|user|global) config/);
  }, 90_000);

  it('skips the CUDA download through the variable onnxruntime-node reads, in CI and the README', async () => {
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(
      /^export ONNXRUNTIME_NODE_INSTALL=skip$[\s\S]*^npm ci /m,
    );
    const commands = readmeInstallCommands();
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands)
      expect(command, command).toMatch(/ONNXRUNTIME_NODE_INSTALL=skip\b.*\bnpm (install|ci)\b/);
    // The script exits at once with the variable set; without it, it goes to download (a dead
    // proxy makes that attempt fail here instead of reaching the network).
    expect(await ortInstall({ ONNXRUNTIME_NODE_INSTALL: 'skip' })).toBe(0);
    if (process.platform === 'linux' && process.arch === 'x64' && !existsSync(cudaProvider))
      expect(await ortInstall({ GLOBAL_AGENT_HTTPS_PROXY: 'http://127.0.0.1:9' })).not.toBe(0);
  }, 120_000);
});
