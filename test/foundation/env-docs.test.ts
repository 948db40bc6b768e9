/**
 * The documented configuration is the parsed one: every variable src/env.ts reads has a row in README's
 * "Configuration" table and a line in .env.example, and neither lists a variable the app does not read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/db/provision.ts";
import { ENV_VARIABLES } from "../../src/env.ts";

const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");

function readmeTable(): string[] {
  const readme = read("README.md");
  const section = readme.slice(readme.indexOf("\n## Configuration\n"));
  const body = section.slice(0, section.indexOf("\n## ", 1));
  return [...body.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]!);
}

function envExample(): string[] {
  return [...read(".env.example").matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
}

describe("configuration documents", () => {
  it("README's Configuration table has one row per variable the app reads", () => {
    expect(ENV_VARIABLES.length).toBeGreaterThan(10);
    expect([...readmeTable()].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it(".env.example has one line per variable the app reads", () => {
    expect([...envExample()].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});
