/** The `sop` command line: the same engine as the Slack app, for automated feeds and operators. */
import { loadEnvFile } from "../runtime.ts";
import { commandHelp, overview, usageLine } from "./help.ts";
import { type CommandIo, UsageError } from "./io.ts";
import { commandName, findCommand, similarCommands } from "./registry.ts";
import { describeFailure } from "./user-errors.ts";

const HELP_FLAGS = new Set(["--help", "-h"]);

/** `sop help [COMMAND…]`, `sop --help`. */
function help(words: string[], io: CommandIo): number {
  if (words.length === 0) {
    io.stdout.write(overview());
    return 0;
  }
  const found = findCommand(words);
  if (!found) return unknown(words, io);
  io.stdout.write(commandHelp(found.spec));
  return 0;
}

function unknown(argv: string[], io: CommandIo): number {
  const typed = argv.filter((a) => !a.startsWith("-")).join(" ") || argv.join(" ");
  const similar = similarCommands(argv[0] ?? "");
  const hint = similar.length
    ? `Did you mean ${similar.map((c) => `\`${commandName(c)}\``).join(" or ")}? `
    : "";
  io.stderr.write(`sop: unknown command "${typed}". ${hint}Run \`sop help\` for the list.\n`);
  return 2;
}

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  loadEnvFile();
  if (argv.length === 0) {
    io.stderr.write(overview());
    return 2;
  }
  if (argv[0] === "help") return help(argv.slice(1), io);
  if (HELP_FLAGS.has(argv[0]!)) return help([], io);
  const found = findCommand(argv);
  if (!found) return unknown(argv, io);
  const { spec, args } = found;
  if (args.some((a) => HELP_FLAGS.has(a))) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  try {
    return await spec.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(
        `${commandName(spec)}: ${err.message}\n${usageLine(spec)}\nRun \`sop help ${spec.words.join(" ")}\` for the options and examples.\n`,
      );
      return 2;
    }
    io.stderr.write(`${describeFailure(err, commandName(spec))}\n`);
    return 1;
  }
}
