/**
 * The candidate pool: each base method applied to the seasonally adjusted series (classical
 * decomposition, 90 % lag-m test) and re-seasonalised.
 */
import { holtDamped, holtLinear } from "./holt.ts";
import { naive, seasonalNaive } from "./naive.ts";
import { deseasonalise, detectSeasonality, reseasonalise, type Seasonality } from "./seasonality.ts";
import { ses } from "./ses.ts";
import { theta } from "./theta.ts";

/** Methods the combination rule weighs (all on seasonally adjusted data). */
export const POOL = ["ses", "damped", "theta", "theta1.5", "theta3", "holt"] as const;
export type PoolMethod = (typeof POOL)[number];
export type BaseMethod = PoolMethod | "naive2" | "snaive";

const ADJUSTED: Record<Exclude<BaseMethod, "snaive">, (x: readonly number[], h: number) => number[]> = {
  ses: (x, h) => ses(x, h),
  damped: (x, h) => holtDamped(x, h),
  theta: (x, h) => theta(x, h, 2),
  // θ = 1.5 and θ = 3 weight the trend line less / more than classic Theta; with SES (no trend),
  // damped Holt and Holt (full local trend) they span how much trend to extrapolate.
  "theta1.5": (x, h) => theta(x, h, 1.5),
  theta3: (x, h) => theta(x, h, 3),
  naive2: (x, h) => naive(x, h),
  holt: (x, h) => holtLinear(x, h),
};

export interface PoolForecasts {
  seasonality: Seasonality;
  forecasts: Partial<Record<BaseMethod, number[]>>;
}

/**
 * Forecasts `h` steps with each of `methods` on the complete (imputed) series `y`.
 * `nonNegative` floors forecasts at 0 (for demand that cannot be negative).
 */
export function poolForecasts(
  y: readonly number[],
  m: number,
  h: number,
  methods: readonly BaseMethod[],
  nonNegative: boolean,
): PoolForecasts {
  const seasonality = detectSeasonality(y, m);
  const x = deseasonalise(y, seasonality);
  const forecasts: Partial<Record<BaseMethod, number[]>> = {};
  for (const method of methods) {
    const f =
      method === "snaive"
        ? seasonalNaive(y, m, h)
        : reseasonalise(ADJUSTED[method](x, h), y.length, seasonality);
    forecasts[method] = nonNegative ? f.map((v) => Math.max(v, 0)) : f;
  }
  return { seasonality, forecasts };
}
