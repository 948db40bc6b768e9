/**
 * Statistical baseline forecaster for the data phase of the S&OP cycle. Pure computation: no
 * Slack, no database.
 *
 * Default ("auto"): impute missing months, seasonally adjust by classical decomposition when the
 * lag-m autocorrelation test says so, score SES, damped and linear Holt and three Theta variants on
 * the tail of the training history, and combine them with inverse squared hold-out error weights
 * (see select.ts).
 */
import { impute } from "./impute.ts";
import { type BaseMethod, type PoolMethod, poolForecasts } from "./pool.ts";
import type { SeasonalMode } from "./seasonality.ts";
import { combinationWeights } from "./select.ts";

export type ForecastMethod =
  /** Pool methods weighted by their hold-out accuracy on the training tail (the default). */
  | "auto"
  /** Fixed mean of SES, damped Holt and classic Theta on seasonally adjusted data. */
  | "comb"
  | BaseMethod;

export interface ForecastOptions {
  /** Season length: 12 for monthly, 4 for quarterly, 1 for none. */
  season: number;
  /** Number of steps to forecast. */
  horizon: number;
  method?: ForecastMethod;
  /** Floor forecasts at 0. Default: true when no observed value is negative. */
  nonNegative?: boolean;
}

export interface ForecastResult {
  forecast: number[];
  /** Weight of each method in the forecast (summing to 1). */
  weights: Partial<Record<BaseMethod, number>>;
  seasonality: SeasonalMode;
  /** Hold-out sMAPE of each pool method ("auto" only; empty for short histories). */
  scores: Partial<Record<PoolMethod, number>>;
}

function checkOptions(opts: ForecastOptions): void {
  if (!Number.isInteger(opts.season) || opts.season < 1) {
    throw new RangeError(`season must be a positive integer, got ${opts.season}`);
  }
  if (!Number.isInteger(opts.horizon) || opts.horizon < 0) {
    throw new RangeError(`horizon must be a non-negative integer, got ${opts.horizon}`);
  }
}

/** Forecast plus what produced it (chosen methods, seasonal mode, hold-out scores). */
export function forecastWithInfo(history: readonly number[], opts: ForecastOptions): ForecastResult {
  checkOptions(opts);
  const m = opts.season;
  const h = opts.horizon;
  const y = impute(history, m);
  const nonNegative = opts.nonNegative ?? y.every((v) => v >= 0);
  const method = opts.method ?? "auto";
  let weights: Partial<Record<BaseMethod, number>>;
  let scores: Partial<Record<PoolMethod, number>> = {};
  if (method === "auto") {
    ({ weights, scores } = combinationWeights(y, m, h, nonNegative));
  } else if (method === "comb") {
    weights = { ses: 1 / 3, damped: 1 / 3, theta: 1 / 3 };
  } else {
    weights = { [method]: 1 };
  }
  const methods = Object.keys(weights) as BaseMethod[];
  const { forecasts, seasonality } = poolForecasts(y, m, h, methods, nonNegative);
  const out = new Array<number>(h).fill(0);
  for (const k of methods) {
    const f = forecasts[k]!;
    const w = weights[k]!;
    for (let i = 0; i < h; i++) out[i]! += w * f[i]!;
  }
  return { forecast: out, weights, seasonality: seasonality.mode, scores };
}

/**
 * Point forecasts for the `horizon` steps after `history`. NaN / ±Infinity entries are missing
 * observations and are imputed. Throws RangeError when nothing is observed or options are invalid.
 */
export function forecast(history: readonly number[], opts: ForecastOptions): number[] {
  return forecastWithInfo(history, opts).forecast;
}
