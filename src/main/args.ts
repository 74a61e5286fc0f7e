/** Argument parsing for subcommands, with `--help` on every one. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A subcommand: its usage text, options and handler. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number> | number;
}

/** Parse `argv` for `cmd`, printing usage on --help or on a bad option. Returns an exit code or the parsed args. */
export function parseFor(
  cmd: Command,
  argv: string[],
): { code: number } | { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(cmd.usage.trim() + '\n');
      return { code: 0 };
    }
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    process.stderr.write(`dateline ${cmd.name}: ${(e as Error).message}\n\n${cmd.usage.trim()}\n`);
    return { code: 2 };
  }
}
