/** `sop help`, `sop COMMAND --help` and usage errors, built from the one command registry. */
import { describe, expect, it } from "vitest";
import { COMMANDS, commandName, findCommand } from "../../src/cli/registry.ts";
import { sop } from "../support/cli-run.ts";

describe("sop help", () => {
  it("lists every command with what it does", async () => {
    const r = await sop(["help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      const line = r.stdout.split("\n").find((l) => l.trimStart().startsWith(`${commandName(c)} `));
      expect(line, commandName(c)).toBeDefined();
      expect(line).toContain(c.summary);
    }
    expect(r.stdout).toContain("sop help COMMAND");
    expect((await sop(["--help"])).stdout).toBe(r.stdout);
  });

  it("shows one command's usage, options and examples, before checking its arguments", async () => {
    for (const argv of [
      ["kpi", "--help"],
      ["help", "kpi"],
      ["kpi", "--team", "T0SIM", "-h"],
    ]) {
      const r = await sop(argv);
      expect(r.code, argv.join(" ")).toBe(0);
      expect(r.stdout).toContain("sop kpi — every KPI over a date window");
      expect(r.stdout).toContain("usage: sop kpi --team T --from DATE --to DATE");
      expect(r.stdout).toContain("--json");
      expect(r.stdout).toContain("examples:\n  sop kpi --team T0SIM --from 2026-12-01 --to 2026-12-31");
      expect(r.stderr).toBe("");
    }
    const snapshot = await sop(["kpi", "snapshot", "--help"]);
    expect(snapshot.stdout).toContain("sop kpi snapshot — ");
  });

  it("has a description and examples that name the command itself, for every command", () => {
    for (const c of COMMANDS) {
      expect(c.summary.length, commandName(c)).toBeGreaterThan(10);
      expect(c.summary.length, commandName(c)).toBeLessThan(100);
      expect(c.examples.length, commandName(c)).toBeGreaterThan(0);
      for (const e of c.examples) {
        const words = e.split(" ");
        expect(words[0]).toBe("sop");
        expect(findCommand(words.slice(1))?.spec, e).toBe(c);
      }
    }
  });

  it("answers a usage mistake with what is wrong, the usage and where the examples are", async () => {
    const r = await sop(["kpi", "--from", "2026-12-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "sop kpi: --team is required\nusage: sop kpi --team T --from DATE --to DATE [--family F] [--json]\nRun `sop help kpi` for the options and examples.\n",
    );
  });

  it("suggests the command meant for a typo", async () => {
    const r = await sop(["stauts", "2026-12"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'sop: unknown command "stauts 2026-12". Did you mean `sop status`? Run `sop help` for the list.\n',
    );
  });
});
