/** How the command line tells a person what went wrong and what to do next, in terminal terms. */

import { plainMentions } from "../cycle/people.ts";
import { MissingPrerequisite } from "../db/prerequisites.ts";
import { isDatabaseOutage, type NextStep, UserError } from "../errors.ts";
import type { CommandIo } from "./io.ts";

/** A domain error's next step as something to type in this terminal (or, where only Slack does it, says so). */
export function cliNextStep(next: NextStep): string {
  switch (next.step) {
    case "configure":
      return "Store one with `sop config import FILE.json` (examples/team.json is a complete one), or keep the demo's workspace T0SIM with `npm run demo -- --keep`.";
    case "start":
      return `Cycles are started in Slack: an admin runs /sop start ${next.period} there.`;
    case "import-demand":
      return `Import demand actuals first: \`sop import demand FILE.csv --team ${next.teamId}\`.`;
    case "status":
    case "reopen-submit":
      return `\`sop status ${next.period} --team ${next.teamId}\` shows what is stored.`;
    case "month-example":
      return `For example ${next.period}.`;
  }
}

/** A UserError as lines for stderr: the message and what to do next, its line- or field-named details. */
export function userErrorText(err: UserError): string {
  const details = err.details.map((d) => `  ${plainMentions(d)}\n`).join("");
  const next = err.next ? ` ${cliNextStep(err.next)}` : "";
  return `${plainMentions(err.message)}${next}\n${details}`;
}

export function writeUserError(io: CommandIo, err: UserError): void {
  io.stderr.write(userErrorText(err));
}

/** Any failure a command did not handle itself, as one paragraph (no stack trace). */
export function describeFailure(err: unknown, command: string): string {
  if (err instanceof UserError) return userErrorText(err).trimEnd();
  if (err instanceof MissingPrerequisite) return `${command}: ${err.message}`;
  if (isDatabaseOutage(err)) {
    const where = process.env.MONGODB_URI ? `MONGODB_URI (${process.env.MONGODB_URI})` : "the local database";
    return `${command}: ${where} is not reachable (${(err as Error).message}). Nothing was changed. Start it (\`npm run db\` prints a MONGODB_URI to use) or unset MONGODB_URI to let sop start a local one.`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `${command} failed: ${message}`;
}
