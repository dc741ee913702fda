/**
 * `skinkiosk <command>`: tools for developers, staff and IT. Each command lives in its own file and
 * returns an exit code.
 */
import { runServeCommand } from './serve-command';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  serve: runServeCommand,
};

const USAGE = `usage: skinkiosk <command> [options]

commands:
  serve       browser preview host on loopback (development, E2E tests)

Run "skinkiosk <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
