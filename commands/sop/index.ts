/** The `/sop` slash command: splits the text and dispatches to one sub-command file. */
import type { App } from "@slack/bolt";
import { unknownCommandMessage } from "../../views/help.ts";
import type { AppDeps } from "../deps.ts";
import { wrapCommand } from "../listener.ts";
import { digest } from "./digest.ts";
import { help } from "./help.ts";
import { history } from "./history.ts";
import { importActuals } from "./import.ts";
import { kpi } from "./kpi.ts";
import { action, decide } from "./log-item.ts";
import { setup } from "./setup.ts";
import { start } from "./start.ts";
import { status } from "./status.ts";
import type { Subcommand } from "./subcommand.ts";
import { submit } from "./submit.ts";

// One line per sub-command file.
const subcommands: Subcommand[] = [
  help,
  start,
  status,
  submit,
  history,
  setup,
  digest,
  kpi,
  importActuals,
  decide,
  action,
];

/** The sub-command words, in `/sop help` order (the manifest's description lists them). */
export const SUBCOMMAND_NAMES: readonly string[] = subcommands.map((s) => s.name);

function find(word: string): Subcommand | undefined {
  return subcommands.find((s) => s.name === word || s.aliases?.includes(word));
}

export function register(app: App, deps: AppDeps): void {
  app.command(
    "/sop",
    wrapCommand(
      deps,
      async (ctx) => {
        const words = ctx.text.trim().split(/\s+/).filter(Boolean);
        const word = (words[0] ?? "").toLowerCase();
        const sub = find(word);
        if (!sub) return ctx.reply(unknownCommandMessage(words[0] ?? ""));
        await sub.run({ ...ctx, args: words.slice(1) });
      },
      { urgent: (text) => find(text.trim().split(/\s+/)[0]?.toLowerCase() ?? "")?.opensModal === true },
    ),
  );
}
