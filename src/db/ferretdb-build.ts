/**
 * Builds the FerretDB launcher (db/ferretdb) with the machine's Go, once, into .cache/ferretdb/.
 *
 * FerretDB 1.24.2 is built from a patched copy of its module. Its SQLite backend finds a document by
 * `_id` with `WHERE _ferretdb_sjson->'$._id' = ?` while the unique index it keeps is on
 * `_ferretdb_sjson->"_id"`: SQLite matches index expressions literally, so it never uses the index and
 * every findById, update-by-id and delete-by-id reads and parses the whole table (measured: one cycle
 * read 4 ms with 1 team, 28 ms with 400; `EXPLAIN QUERY PLAN` says SCAN). Written as `->'_id'` (the same
 * path) the lookup is an index SEARCH. The same class of bug as FerretDB#4646 (PostgreSQL backend).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const MODULE = "github.com/FerretDB/FerretDB";

interface SourcePatch {
  file: string;
  from: string;
  to: string;
}

export const FERRETDB_PATCHES: SourcePatch[] = [
  {
    file: "internal/backends/sqlite/metadata/metadata.go",
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
];

export function findOnPath(cmd: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, cmd);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function moduleVersion(goMod: string): string {
  const m = goMod.match(new RegExp(`^require ${MODULE.replace(/\./g, "\\.")} (v\\S+)`, "m"));
  if (!m) throw new Error(`db/ferretdb/go.mod does not require ${MODULE}`);
  return m[1]!;
}

async function go(goBin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync(goBin, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`FerretDB build failed (go ${args[0]}): ${(e.stderr ?? e.message).trim()}`);
  }
}

/** A patched copy of the FerretDB module under `cacheDir`, made once per version and patch set. */
async function patchedModule(
  goBin: string,
  source: string,
  cacheDir: string,
  version: string,
  env: NodeJS.ProcessEnv,
) {
  const tag = createHash("sha256").update(JSON.stringify(FERRETDB_PATCHES)).digest("hex").slice(0, 8);
  const dir = join(cacheDir, `FerretDB-${version}-patched-${tag}`);
  if (existsSync(dir)) return dir;
  const info = JSON.parse(
    await go(goBin, ["mod", "download", "-json", `${MODULE}@${version}`], source, env),
  ) as {
    Dir?: string;
  };
  if (!info.Dir) throw new Error(`FerretDB build failed: go mod download gave no directory for ${MODULE}`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(info.Dir, tmp, { recursive: true });
  for (const p of FERRETDB_PATCHES) {
    const file = join(tmp, p.file);
    const text = readFileSync(file, "utf8");
    // Fail loudly rather than build an unpatched server if a FerretDB upgrade moved the line.
    if (!text.includes(p.from)) throw new Error(`FerretDB patch does not apply: ${p.file} has no ${p.from}`);
    chmodSync(file, 0o644); // the module cache is read-only
    writeFileSync(file, text.replace(p.from, p.to));
  }
  renameSync(tmp, dir);
  return dir;
}

/** Where the launcher for this Go source and these patches is (or will be) built. */
export function ferretDbBinaryPath(source: string, cacheDir: string): string {
  const stamp = createHash("sha256");
  for (const f of ["main.go", "go.mod", "go.sum"]) stamp.update(readFileSync(join(source, f)));
  stamp.update(JSON.stringify(FERRETDB_PATCHES));
  return join(cacheDir, `ferretdb-sop-${stamp.digest("hex").slice(0, 12)}`);
}

/** Builds the launcher once; rebuilt only when its Go source or the patches change. Returns its path. */
export async function buildFerretDb(
  source: string,
  cacheDir: string,
  log: (line: string) => void = () => {},
): Promise<string> {
  const bin = ferretDbBinaryPath(source, cacheDir);
  if (existsSync(bin)) return bin;
  const goBin = findOnPath("go");
  if (!goBin)
    throw new Error(
      "FerretDB needs Go to build (no `go` on PATH); set MONGODB_URI or install mongod instead",
    );
  mkdirSync(cacheDir, { recursive: true });
  log("building FerretDB 1.24 (first run only, about a minute)…");
  const started = Date.now();
  const env = { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" };
  const version = moduleVersion(readFileSync(join(source, "go.mod"), "utf8"));
  const patched = await patchedModule(goBin, source, cacheDir, version, env);
  // A workspace file outside the repo points the build at the patched copy; db/ferretdb stays untouched.
  const work = join(cacheDir, `go.work.${process.pid}`);
  writeFileSync(work, `go 1.24\n\nuse ${source}\n\nreplace ${MODULE} ${version} => ${patched}\n`);
  const tmp = `${bin}.tmp-${process.pid}`;
  try {
    await go(goBin, ["build", "-trimpath", "-o", tmp, "."], source, { ...env, GOFLAGS: "", GOWORK: work });
  } finally {
    rmSync(work, { force: true });
    rmSync(`${work}.sum`, { force: true });
  }
  // Rename is atomic, so concurrent first runs never start a half-written binary.
  renameSync(tmp, bin);
  log(`FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${bin}`);
  return bin;
}
