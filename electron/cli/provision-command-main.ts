/** Development entry: `npx tsx electron/cli/provision-command-main.ts <args>` (same as `skinkiosk provision`). */
import { runProvisionCommand } from './provision-command';

runProvisionCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
