/** The `dateline` command: dispatches to subcommands; exit 0 when at least one document succeeded. */
import { parseFor } from './args.js';
import { COMMANDS } from './commands/list.js';

/** The top-level help text. */
function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`);
  return `dateline — news pages in, political event data out.

Usage: dateline <command> [options]   (dateline <command> --help for more)

Commands:
${lines.join('\n')}
`;
}

/** Run the CLI with `argv` (without node and script), returning the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`dateline: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const cmd = await entry.load();
  const parsed = parseFor(cmd, rest);
  if ('code' in parsed) return parsed.code;
  return cmd.run(parsed.values, parsed.positionals);
}

// stdout closed early (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`dateline: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
