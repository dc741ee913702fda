/** Development entry: `npx tsx electron/cli/analyze-command-main.ts <args>` (same as `skinkiosk analyze`). */
import { runAnalyzeCommand } from './analyze-command';

runAnalyzeCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
