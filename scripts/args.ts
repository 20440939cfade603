/**
 * Command-line options for the project's commands, one way: Node's `parseArgs` in strict mode,
 * and any mistake (an unknown option, a missing value, a value where none belongs) printed as one
 * line and the usage, exit code 2, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Prints `command: message`, then the usage, and exits with 2. */
export function usageError(command: string, message: string, usage: string): never {
  process.stderr.write(`${command}: ${message}\n${usage}\n`);
  process.exit(2);
}

/** The parsed options and positionals of `argv`, or a one-line refusal and the usage. */
export function commandArgs<O extends Options>(
  command: string,
  usage: string,
  options: O,
  argv: string[] = process.argv.slice(2),
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages carry a hint after the first sentence; the first line is the mistake.
    const first = String((e as Error).message)
      .split('\n')[0]!
      .replace(/\. To specify.*$/, '');
    return usageError(command, first.charAt(0).toLowerCase() + first.slice(1), usage);
  }
}
