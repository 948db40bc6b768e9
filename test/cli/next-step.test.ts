/**
 * What to do next after a refusal, in each surface's terms: the domain says only what is wrong and names
 * the step; Slack words it as a slash command, the terminal as a `sop` command line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { slackErrorText } from "../../commands/next-step.ts";
import { cliNextStep, userErrorText } from "../../src/cli/user-errors.ts";
import { type NextStep, UserError } from "../../src/errors.ts";

const STEPS: NextStep[] = [
  { step: "configure" },
  { step: "start", period: "2027-01" },
  { step: "import-demand", teamId: "T0SIM" },
  { step: "status", teamId: "T0SIM", period: "2027-01" },
  { step: "reopen-submit", teamId: "T0SIM", period: "2027-01", phaseId: "demand" },
  { step: "month-example", period: "2026-12" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The code without its comments (block and line), close enough for a text search. */
function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

describe("next steps", () => {
  it("Slack names a slash command; the terminal a sop command line, never a slash command as if typed here", () => {
    for (const next of STEPS) {
      const err = new UserError("not_found", "Something is missing.", [], next);
      expect(slackErrorText(err), next.step).toMatch(/^Something is missing\. .*`\/sop /);
      const cli = cliNextStep(next);
      expect(cli, next.step).not.toContain("`/sop");
      if (next.step === "start")
        expect(cli).toBe("Cycles are started in Slack: an admin runs /sop start 2027-01 there.");
      else if (next.step !== "month-example") expect(cli, next.step).toMatch(/`sop [a-z]/);
      expect(userErrorText(err)).toBe(`Something is missing. ${cli}\n`);
    }
    expect(cliNextStep({ step: "configure" })).toContain("sop config import FILE.json");
    expect(cliNextStep({ step: "import-demand", teamId: "T9X" })).toContain(
      "sop import demand FILE.csv --team T9X",
    );
  });

  it("the domain (src/ outside the command line) has no slash-command hint in its text", () => {
    const offenders = sourceFiles("src")
      .filter((f) => !f.startsWith(join("src", "cli")))
      .filter((f) => /\/sop[\s`]/.test(withoutComments(readFileSync(f, "utf8"))));
    expect(offenders).toEqual([]);
  });
});
