/**
 * The benchmark's reference: DuckDB reading the same four CSV files and computing the nine KPIs of a
 * window in SQL, written straight from the definitions (README "KPI definitions"), independently of our
 * engine — equal values prove both. Only the benchmark uses DuckDB (a devDependency).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import type { ActualsKind } from "../src/actuals/kinds.ts";
import type { KpiValues } from "../src/kpi/kpi-values.ts";

const COLUMNS: Record<ActualsKind, string> = {
  orders:
    "{'order_id': 'VARCHAR', 'family': 'VARCHAR', 'order_date': 'DATE', 'promised_date': 'DATE', 'delivered_date': 'DATE', 'quantity': 'DOUBLE'}",
  demand: "{'period': 'VARCHAR', 'family': 'VARCHAR', 'forecast_qty': 'DOUBLE', 'actual_qty': 'DOUBLE'}",
  production:
    "{'period': 'VARCHAR', 'family': 'VARCHAR', 'planned_qty': 'DOUBLE', 'actual_qty': 'DOUBLE', 'capacity_qty': 'DOUBLE'}",
  inventory: "{'date': 'DATE', 'family': 'VARCHAR', 'on_hand_qty': 'DOUBLE'}",
};

const quoteSql = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `read_csv` of one of our files with its columns typed (an empty delivered_date reads as NULL). */
export function readCsvSql(kind: ActualsKind, file: string): string {
  return `read_csv(${quoteSql(file)}, header = true, auto_detect = false, columns = ${COLUMNS[kind]})`;
}

/** The first day of a period: the 1st of a month `YYYY-MM`, the Monday of an ISO week `YYYY-Www`. */
const PERIOD_START = `CASE WHEN period LIKE '____-W__'
  THEN make_date(CAST(left(period, 4) AS INTEGER), 1, 4)
       - CAST(isodow(make_date(CAST(left(period, 4) AS INTEGER), 1, 4)) - 1 AS INTEGER)
       + CAST((CAST(right(period, 2) AS INTEGER) - 1) * 7 AS INTEGER)
  ELSE make_date(CAST(left(period, 4) AS INTEGER), CAST(right(period, 2) AS INTEGER), 1) END`;

export interface DuckDb {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openDuckDb(path = ":memory:"): Promise<DuckDb> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  return {
    run: async (sql) => {
      await conn.run(sql);
    },
    rows: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Loads the four files into tables `orders`, `demand`, `production`, `inventory`. */
export async function loadCsvTables(db: DuckDb, files: Record<ActualsKind, string>): Promise<void> {
  for (const kind of ["orders", "demand", "production", "inventory"] as const)
    await db.run(`CREATE OR REPLACE TABLE ${kind} AS SELECT * FROM ${readCsvSql(kind, files[kind])}`);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The nine KPIs of `[from, to]` over the loaded tables, per the definitions. */
export async function duckDbKpis(db: DuckDb, from: string, to: string): Promise<KpiValues> {
  const f = `DATE ${quoteSql(from)}`;
  const t = `DATE ${quoteSql(to)}`;
  const [row] = await db.rows(`
    WITH dem AS (SELECT forecast_qty AS fq, actual_qty AS aq FROM demand WHERE ${PERIOD_START} BETWEEN ${f} AND ${t}),
    prod AS (SELECT planned_qty AS pq, actual_qty AS aq, capacity_qty AS cq FROM production WHERE ${PERIOD_START} BETWEEN ${f} AND ${t}),
    delivered AS (SELECT promised_date, delivered_date, delivered_date - order_date AS days FROM orders
                  WHERE delivered_date BETWEEN ${f} AND ${t}),
    promised AS (SELECT quantity, delivered_date IS NOT NULL AND delivered_date <= promised_date AS kept FROM orders
                 WHERE promised_date BETWEEN ${f} AND ${t}),
    onhand AS (SELECT arg_max(on_hand_qty, date) AS qty FROM inventory WHERE date <= ${t} GROUP BY family)
    SELECT
      (SELECT CASE WHEN sum(aq) > 0 THEN greatest(0, 1 - sum(abs(aq - fq)) / sum(aq)) END FROM dem) AS accuracy,
      (SELECT CASE WHEN sum(aq) > 0 THEN sum(fq - aq) / sum(aq) END FROM dem) AS bias,
      (SELECT avg(abs(aq - fq) / aq) FILTER (WHERE aq > 0) FROM dem) AS mape,
      (SELECT count(*) FILTER (WHERE delivered_date <= promised_date) / nullif(count(*), 0) FROM delivered) AS otd,
      (SELECT CASE WHEN sum(quantity) > 0 THEN sum(quantity) FILTER (WHERE kept) / sum(quantity) END FROM promised) AS service,
      (SELECT CASE WHEN sum(pq) > 0 THEN sum(least(aq, pq)) / sum(pq) END FROM prod) AS adherence,
      (SELECT avg(days) FROM delivered) AS ct_mean,
      (SELECT quantile_cont(days, 0.5) FROM delivered) AS ct_median,
      (SELECT quantile_cont(days, 0.9) FROM delivered) AS ct_p90,
      (SELECT CASE WHEN sum(cq) > 0 THEN sum(aq) / sum(cq) END FROM prod) AS utilization,
      (SELECT CASE WHEN count(*) > 0 THEN sum(qty) END FROM onhand) AS on_hand,
      (SELECT sum(quantity) / 28 FROM orders WHERE order_date BETWEEN ${t} - 27 AND ${t}) AS daily
  `);
  const r = row!;
  const onHand = num(r.on_hand);
  const daily = num(r.daily);
  const kept = num(r.service);
  return {
    forecastAccuracy: num(r.accuracy),
    forecastBias: num(r.bias),
    mape: num(r.mape),
    onTimeDelivery: num(r.otd),
    serviceLevel: kept === null ? null : kept,
    planAdherence: num(r.adherence),
    cycleTime: { mean: num(r.ct_mean), median: num(r.ct_median), p90: num(r.ct_p90) },
    capacityUtilization: num(r.utilization),
    daysOfSupply: onHand === null || daily === null || daily <= 0 ? null : onHand / daily,
  };
}
