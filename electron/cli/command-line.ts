import { parseArgs, type ParseArgsConfig } from 'node:util';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * Every command's first step: parses its arguments, or answers for it. An unknown or malformed
 * option prints the message and the usage and gives exit status 2; `--help` prints the usage and
 * gives 0. A number back is the status to exit with.
 */
export function readCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
): Parsed<T> | number {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: unknown }).help === true) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
