/** How the command line tells a person what went wrong and what to do next, in terminal terms. */

import { plainMentions } from "../cycle/people.ts";
import { MissingPrerequisite } from "../db/prerequisites.ts";
import { isDatabaseOutage, UserError } from "../errors.ts";
import type { CommandIo } from "./io.ts";

/** A UserError as lines for stderr: the message, its line- or field-named details. */
export function userErrorText(err: UserError): string {
  const details = err.details.map((d) => `  ${plainMentions(d)}\n`).join("");
  return `${plainMentions(err.message)}\n${details}`;
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
