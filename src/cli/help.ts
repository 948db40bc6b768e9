/** The text of `sop help` and `sop help COMMAND`, built from the command registry. */
import { COMMANDS, type CommandSpec, commandName } from "./registry.ts";

const DATABASE_NOTE =
  "Database: MONGODB_URI when set, else a local one started for the command (its data in .data/dev).\n" +
  "After `npm run demo -- --keep`, the demo's data is there: try `sop status 2026-12 --team T0SIM`.";

/** `sop help`: every command with its one-line description. */
export function overview(): string {
  const names = COMMANDS.map(commandName);
  const width = Math.max(...names.map((n) => n.length));
  const lines = COMMANDS.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`);
  return [
    "sop — the S&OP bot's command line: the same engine as the Slack app, for feeds and operators.",
    "",
    "Commands:",
    ...lines,
    `  ${"sop help [COMMAND]".padEnd(width)}  this list, or one command's options and examples`,
    "",
    "Run `sop help COMMAND` (or `sop COMMAND --help`) for its options and examples.",
    DATABASE_NOTE,
    "",
  ].join("\n");
}

/** The usage line shown under an error. */
export function usageLine(c: CommandSpec): string {
  return `usage: ${commandName(c)}${c.usage ? ` ${c.usage}` : ""}`;
}

/** `sop help COMMAND`: what it does, its usage, options and examples. */
export function commandHelp(c: CommandSpec): string {
  const lines = [`${commandName(c)} — ${c.summary}`, "", usageLine(c)];
  if (c.options?.length) {
    const width = Math.max(...c.options.map(([o]) => o.length));
    lines.push("", "options:", ...c.options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`));
  }
  lines.push("", "examples:", ...c.examples.map((e) => `  ${e}`), "");
  return lines.join("\n");
}
