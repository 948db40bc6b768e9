/**
 * `npm run bench`: every benchmark in turn, each printing its ratios against a baseline taken
 * in the same run. `npm run bench -- forecast charts` runs only those. Figures are recorded, with machine
 * and date, in bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES: Record<string, { file: string; what: string }> = {
  forecast: {
    file: "forecast-m3.ts",
    what: "baseline forecaster on M3 monthly vs classic Theta and seasonal naive",
  },
  charts: { file: "charts.ts", what: "in-process chart PNG vs QuickChart URL" },
  digest: { file: "digest.ts", what: "weekly digest for 5,000 families (budget ≤ 1 s)" },
  ack: { file: "ack.ts", what: "HTTP ack latency, ours vs a bare Bolt app (budget p99 ≤ 1.5×)" },
  report: {
    file: "report.ts",
    what: "S&OP report for 5,000 families: model vs DuckDB, PDF vs pdfkit, workbook vs exceljs stream",
  },
  "kpi-import": {
    file: "kpi-import.ts",
    what: "CSV import vs bulkWrite, KPI recompute vs streaming (budget ≤ 1.5×)",
  },
};

const picked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = picked.length ? picked : Object.keys(BENCHES);
let failed = 0;
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n=== ${name}: ${bench.what}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, bench.file)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
