/**
 * Combination rule, decided on the training history only. Each pool method is scored by
 * rolling-origin evaluation on the tail of the history: forecast origins h, 2h/3 and h/3 steps
 * before its end, every fit (seasonality test included) redone on the truncated series, scored by
 * sMAPE. The forecast is the weighted mean of all pool methods with weights 1 / (score + ε)²
 * (Bates–Granger-style inverse squared error). Weighting instead of picking the single best keeps
 * the rule from over-reacting to one hold-out window, and a method that is clearly right (an exact
 * line, an exact seasonal pattern) still dominates.
 */
import { smape } from "./metrics.ts";
import { POOL, type PoolMethod, poolForecasts } from "./pool.ts";

export interface Combination {
  /** Weights summing to 1. */
  weights: Partial<Record<PoolMethod, number>>;
  /** Mean hold-out sMAPE per pool method (empty when the history was too short to score). */
  scores: Partial<Record<PoolMethod, number>>;
}

/** Without enough history to hold any out: equal weights on SES, damped Holt and Theta. */
const FALLBACK: Combination = { weights: { ses: 1 / 3, damped: 1 / 3, theta: 1 / 3 }, scores: {} };
/** Below this length a hold-out leaves too little to fit a trend on. */
const MIN_LENGTH = 6;
/** In sMAPE percentage points: keeps the weight of a perfect hold-out fit finite. */
const EPS = 1e-3;

/** Forecast origins (distance back from the end of the history), each leaving ≥ 2/3 of it to fit. */
export function holdoutOrigins(n: number, h: number): number[] {
  const maxBack = Math.floor(n / 3);
  if (n < MIN_LENGTH || maxBack < 1 || h < 1) return [];
  const raw = [h, Math.round((2 * h) / 3), Math.round(h / 3)]
    .map((o) => Math.min(o, maxBack))
    .filter((o) => o >= 1);
  return [...new Set(raw)];
}

/** Mean hold-out sMAPE of every pool method, or null when the history is too short. */
export function holdoutScores(
  y: readonly number[],
  m: number,
  h: number,
  nonNegative: boolean,
): Record<PoolMethod, number> | null {
  const origins = holdoutOrigins(y.length, h);
  if (origins.length === 0) return null;
  const scores = Object.fromEntries(POOL.map((p) => [p, 0])) as Record<PoolMethod, number>;
  for (const back of origins) {
    const train = y.slice(0, y.length - back);
    const actual = y.slice(y.length - back);
    const { forecasts } = poolForecasts(train, m, back, POOL, nonNegative);
    for (const p of POOL) scores[p] += smape(actual, forecasts[p]!) / origins.length;
  }
  return scores;
}

export function combinationWeights(
  y: readonly number[],
  m: number,
  h: number,
  nonNegative: boolean,
): Combination {
  const scores = holdoutScores(y, m, h, nonNegative);
  if (scores === null) return FALLBACK;
  const raw = POOL.map((p) => 1 / (scores[p] + EPS) ** 2);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights: Partial<Record<PoolMethod, number>> = {};
  POOL.forEach((p, i) => {
    weights[p] = raw[i]! / total;
  });
  return { weights, scores };
}
