/**
 * What a person whose setup Save lost a race is shown: who saved meanwhile and when, and which of their
 * edits are not in the saved setup (so they can make them again on the refreshed form).
 */
import { formatWhen } from "../src/cycle/people.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { truncate, userRef } from "./text.ts";

/** The fields the setup modal edits, as the person submitted them. */
export interface SetupSubmission {
  admins: string[];
  timezone: string;
  channels: { sop: string; exec: string };
  phases: { id: string; name: string; owners: string[]; approvers: string[]; dueDay: number }[];
}

/** Who saved: a person, or the command line (`sop config import`, which records no Slack user). */
const saver = (by: string) => (/^[UW][A-Z0-9]+$/.test(by) ? userRef(by) : "`sop config import`");
const people = (ids: string[]) => (ids.length ? ids.map(userRef).join(", ") : "nobody");
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** "Demand review owners: <@U1>, <@U2>" for every field where the submission differs from `saved`. */
export function unsavedEdits(submitted: SetupSubmission, saved: TeamConfig): string[] {
  const out: string[] = [];
  if (!same(submitted.admins, saved.admins)) out.push(`Admins: ${people(submitted.admins)}`);
  if (submitted.channels.sop !== saved.channels.sop)
    out.push(`S&OP channel: ${submitted.channels.sop ? `<#${submitted.channels.sop}>` : "none"}`);
  if (submitted.channels.exec !== saved.channels.exec)
    out.push(`Executive channel: ${submitted.channels.exec ? `<#${submitted.channels.exec}>` : "none"}`);
  if (submitted.timezone !== saved.timezone) out.push(`Time zone: ${submitted.timezone}`);
  for (const p of submitted.phases) {
    const s = saved.phases.find((x) => x.id === p.id);
    if (!s) continue; // the phase is no longer in the template: nothing to re-enter
    if (!same(p.owners, s.owners)) out.push(`${p.name} owners: ${people(p.owners)}`);
    if (!same(p.approvers, s.approvers)) out.push(`${p.name} approvers: ${people(p.approvers)}`);
    if (p.dueDay !== s.dueDay) out.push(`${p.name} due day: ${p.dueDay}`);
  }
  return out;
}

/** The notice at the top of the refreshed setup form. */
export function setupChangedNotice(opts: {
  by: string;
  at: Date;
  timezone: string;
  edits: string[];
}): string {
  const head = `:warning: *Not saved:* ${saver(opts.by)} saved the setup at ${formatWhen(opts.at, opts.timezone)} (${opts.timezone}) while you were editing. This form now shows their setup.`;
  const tail = opts.edits.length
    ? `\nYour changes that are not in it — make them again and Save:\n${opts.edits.map((e) => `• ${e}`).join("\n")}`
    : "\nYour changes are all in it already; nothing else to do.";
  return truncate(`${head}${tail}`, 3000);
}

/** The answer when the setup changed meanwhile and the person is no longer one of its admins. */
export function setupTakenOverText(opts: {
  by: string;
  at: Date;
  timezone: string;
  admins: string[];
}): string {
  return `${saver(opts.by)} saved the S&OP setup at ${formatWhen(opts.at, opts.timezone)} while you were editing, and you are not one of its admins (${people(opts.admins)}). Nothing was saved.`;
}
