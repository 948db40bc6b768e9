import { helpMessage } from "../../views/help.ts";
import type { Subcommand } from "./subcommand.ts";

export const help: Subcommand = {
  name: "help",
  aliases: ["?", ""],
  run: (ctx) => ctx.reply(helpMessage()),
};
