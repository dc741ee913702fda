// `npm run fuzz [runs]`: the contract and transport fuzz suites with many more runs per transport
// and property than `npm test` gives them (FUZZ_RUNS, default here 3000; `npm test` uses 100).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '3000';
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', 'tests/integration/fuzz', '--testTimeout=0', '--hookTimeout=300000'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs } },
);
process.exit(result.status ?? 1);
