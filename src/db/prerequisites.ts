/**
 * What this machine must have before the local database can start: Node 20.19 or newer, and one of
 * MONGODB_URI, a `mongod` on PATH, an already built FerretDB or Go (to build FerretDB once). Checked
 * up front by the demo, `npm start` and the test suite, so a missing tool reads as one message that
 * says what to install, not as a stack trace a minute later.
 */
import { execFileSync } from "node:child_process";
import { findOnPath } from "./ferretdb-build.ts";
import { ferretDbBuilt } from "./provision.ts";

/** Thrown when the machine lacks something; the message is meant to be printed as it is. */
export class MissingPrerequisite extends Error {}

/** The lowest Go that builds FerretDB: older releases cannot fetch the Go 1.24 toolchain go.mod asks for. */
const MIN_GO = [1, 21] as const;
const MIN_NODE = [20, 19] as const;

function atLeast(version: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const v = version[i] ?? 0;
    if (v !== min[i]) return v > min[i]!;
  }
  return true;
}

/** "1.26.8" from "go1.26.8"; null when `go` does not answer. */
function goVersion(goBin: string): number[] | null {
  try {
    const out = execFileSync(goBin, ["env", "GOVERSION"], { encoding: "utf8", timeout: 20_000 }).trim();
    const m = /^go(\d+)\.(\d+)(?:\.(\d+))?/.exec(out);
    return m ? m.slice(1).map((p) => Number(p ?? 0)) : null;
  } catch {
    return null;
  }
}

/** One line per thing the local database needs that this machine lacks; empty when nothing is missing. */
export function missingForDatabase(
  env: NodeJS.ProcessEnv = process.env,
  machine: { node: string; ferretDbBuilt: boolean } = {
    node: process.versions.node,
    ferretDbBuilt: ferretDbBuilt(),
  },
): string[] {
  const { node } = machine;
  const missing: string[] = [];
  if (!atLeast(node.split(".").map(Number), MIN_NODE))
    missing.push(
      `Node ${MIN_NODE.join(".")} or newer (this is Node ${node}): install it from https://nodejs.org.`,
    );
  if (env.MONGODB_URI || findOnPath("mongod", env) || machine.ferretDbBuilt) return missing;
  const goBin = findOnPath("go", env);
  const version = goBin ? goVersion(goBin) : null;
  if (!goBin || !version || !atLeast(version, MIN_GO)) {
    const found = !goBin
      ? "no `go` on PATH"
      : version
        ? `this is Go ${version.join(".")}`
        : `\`${goBin}\` does not run`;
    missing.push(
      `Go ${MIN_GO.join(".")} or newer, to build the local database (FerretDB) once into .cache/ (${found}): install it from https://go.dev/dl — or install mongod, or set MONGODB_URI to a MongoDB 6+ server.`,
    );
  }
  return missing;
}

/** The one message for a list of missing things, or null when there are none. */
export function prerequisitesMessage(what: string, missing: readonly string[]): string | null {
  if (missing.length === 0) return null;
  return `${what} needs ${missing.length === 1 ? "one more thing" : `${missing.length} more things`} on this machine:\n${missing.map((m) => `  • ${m}`).join("\n")}\n(The README's first lines list what is needed.)`;
}

/** Throws MissingPrerequisite when the local database cannot start on this machine. */
export function assertDatabasePrerequisites(what: string, env: NodeJS.ProcessEnv = process.env): void {
  const message = prerequisitesMessage(what, missingForDatabase(env));
  if (message) throw new MissingPrerequisite(message);
}
