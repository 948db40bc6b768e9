/**
 * The machine check before the database starts and before the suite runs: what is missing reads as
 * one message naming it and how to get it. Real executables on a PATH built for each case.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { missingForDatabase, prerequisitesMessage } from "../../src/db/prerequisites.ts";
import { missingForTests } from "../support/global-setup.ts";

/** A folder to use as PATH, holding shell scripts by name. */
function pathWith(tools: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sop-path-"));
  for (const [name, script] of Object.entries(tools)) {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

const fresh = { node: "20.19.2", ferretDbBuilt: false };

describe("machine prerequisites", () => {
  it("asks for Go when there is no other way to run the database", () => {
    const [line, ...rest] = missingForDatabase({ PATH: pathWith({}) }, fresh);
    expect(rest).toEqual([]);
    expect(line).toContain("Go 1.21 or newer, to build the local database (FerretDB) once");
    expect(line).toContain("no `go` on PATH");
    expect(line).toContain("https://go.dev/dl");
    expect(line).toContain("set MONGODB_URI");
  });

  it("names a Go too old to build FerretDB, and accepts a new enough one", () => {
    const old = pathWith({ go: 'echo "go1.19.4"' });
    expect(missingForDatabase({ PATH: old }, fresh)[0]).toContain("(this is Go 1.19.4)");
    const ok = pathWith({ go: 'echo "go1.24.1"' });
    expect(missingForDatabase({ PATH: ok }, fresh)).toEqual([]);
  });

  it("needs nothing more with MONGODB_URI, a mongod on PATH or FerretDB already built", () => {
    const empty = pathWith({});
    expect(missingForDatabase({ PATH: empty, MONGODB_URI: "mongodb://db:27017/" }, fresh)).toEqual([]);
    expect(missingForDatabase({ PATH: pathWith({ mongod: "exit 0" }) }, fresh)).toEqual([]);
    expect(missingForDatabase({ PATH: empty }, { ...fresh, ferretDbBuilt: true })).toEqual([]);
  });

  it("names a Node older than the engines field allows", () => {
    const env = { PATH: pathWith({}), MONGODB_URI: "mongodb://db:27017/" };
    expect(missingForDatabase(env, { ...fresh, node: "20.11.1" })).toEqual([
      "Node 20.19 or newer (this is Node 20.11.1): install it from https://nodejs.org.",
    ]);
    expect(missingForDatabase(env, { ...fresh, node: "22.3.0" })).toEqual([]);
  });

  it("says everything the suite lacks in one message", () => {
    const message = missingForTests({ PATH: pathWith({}), MONGODB_URI: "mongodb://db:27017/" });
    expect(message).toContain("The test suite needs one more thing on this machine:");
    expect(message).toContain("• chromium, for the demo page's check in headless Chromium");
    expect(message).toContain("`apt-get install chromium`");
    expect(missingForTests({ PATH: pathWith({ chromium: "exit 0" }), MONGODB_URI: "x" })).toBeNull();
    expect(prerequisitesMessage("The demo", ["a", "b"])).toBe(
      "The demo needs 2 more things on this machine:\n  • a\n  • b\n(The README's first lines list what is needed.)",
    );
  });
});
