/**
 * `sop forecast-file IN.csv --season M [--horizon H]`: baseline forecasts for every series of an
 * M3-layout CSV (header `Series,N,NF,Category,Starting Year,Starting Month,1,2,…`). Each row is
 * trained on its first N − NF values; H defaults to the row's NF. Output on stdout is CSV
 * `series,step,forecast`. The whole file is validated before anything is written.
 */
import { readFile } from "node:fs/promises";
import { forecast } from "../../forecast/forecast.ts";
import { M3FormatError, parseM3 } from "../../forecast/m3.ts";
import type { CommandIo } from "../io.ts";

const USAGE = "usage: sop forecast-file IN.csv --season M [--horizon H]";

interface Args {
  file: string;
  season: number;
  horizon: number | null;
}

function parsePositiveInt(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`${flag} needs a positive integer, got ${raw === undefined ? "nothing" : `"${raw}"`}`);
  }
  return Number(raw);
}

/** `argv` is the arguments after the command name; null means help was asked for. */
function parseArgs(argv: readonly string[]): Args | null {
  let file: string | undefined;
  let season: number | undefined;
  let horizon: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, undefined];
    if (flag === "--help" || flag === "-h") return null;
    if (flag === "--season") season = parsePositiveInt("--season", inline ?? argv[++i]);
    else if (flag === "--horizon") horizon = parsePositiveInt("--horizon", inline ?? argv[++i]);
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new Error(`unexpected argument "${arg}"`);
  }
  if (file === undefined) throw new Error("missing input file");
  if (season === undefined) throw new Error("missing --season (12 monthly, 4 quarterly, 1 none)");
  return { file, season, horizon };
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Compact numeric output: 6 decimals at most, no trailing zeros. */
function formatNumber(v: number): string {
  const r = Number(v.toFixed(6));
  return String(Object.is(r, -0) ? 0 : r);
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

export async function forecastFileCommand(argv: string[], io: CommandIo): Promise<number> {
  let args: Args | null;
  try {
    args = parseArgs(argv);
  } catch (err) {
    await write(io.stderr, `forecast-file: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === null) {
    await write(
      io.stdout,
      `${USAGE}\nTrains on the first N − NF values of each row; H defaults to the row's NF.\n`,
    );
    return 0;
  }
  let text: string;
  try {
    text = await readFile(args.file, "utf8");
  } catch (err) {
    await write(io.stderr, `forecast-file: cannot read ${args.file}: ${(err as Error).message}\n`);
    return 1;
  }
  const lines: string[] = ["series,step,forecast"];
  try {
    for (const s of parseM3(text)) {
      const train = s.values.slice(0, s.n - s.nf);
      const horizon = args.horizon ?? s.nf;
      if (horizon < 1) throw new M3FormatError("NF is 0: pass --horizon to say how far to forecast", s.line);
      let f: number[];
      try {
        f = forecast(train, { season: args.season, horizon });
      } catch (err) {
        throw new M3FormatError(`series ${s.series}: ${(err as Error).message}`, s.line);
      }
      const name = csvField(s.series);
      f.forEach((v, i) => {
        lines.push(`${name},${i + 1},${formatNumber(v)}`);
      });
    }
  } catch (err) {
    const msg = err instanceof M3FormatError ? err.message : `unexpected error: ${(err as Error).message}`;
    await write(io.stderr, `forecast-file: ${args.file} ${msg}\n`);
    return 1;
  }
  await write(io.stdout, `${lines.join("\n")}\n`);
  return 0;
}
