/** What every CLI command gets: its arguments and the process's streams (tests pass their own). */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type CliCommand = (argv: string[], io: CommandIo) => Promise<number>;

/** Minimal flag parser: `--name value`, `--name=value`, bare `--flag`; the rest are positionals. */
export function parseFlags(
  argv: string[],
  booleans: string[] = [],
): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) flags[name] = arg.slice(eq + 1);
    else if (booleans.includes(name) || argv[i + 1] === undefined || argv[i + 1]!.startsWith("--"))
      flags[name] = true;
    else flags[name] = argv[++i]!;
  }
  return { flags, positionals };
}

export class UsageError extends Error {}

export function requireFlag(flags: Record<string, string | true>, name: string): string {
  const v = flags[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`--${name} is required`);
  return v;
}
