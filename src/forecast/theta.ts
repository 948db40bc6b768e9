/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) on an already seasonally adjusted series:
 * the θ = 0 line (the OLS trend) is extrapolated, the θ line θ·y + (1 − θ)·trend is extrapolated
 * by SES, and the two are combined with weights 1 − 1/θ and 1/θ. Classic Theta is θ = 2 (equal
 * weights).
 */
import { linearRegression } from "simple-statistics";
import { fitSes } from "./ses.ts";

export interface ThetaFit {
  intercept: number;
  slope: number;
  theta: number;
  /** SES level of the θ line. */
  level: number;
  alpha: number;
  n: number;
}

export function fitTheta(y: readonly number[], theta = 2): ThetaFit {
  const n = y.length;
  if (n === 0) throw new RangeError("Theta needs at least one observation");
  const { m: slope, b: intercept } = n >= 2 ? linearRegression(y.map((v, t) => [t, v])) : { m: 0, b: y[0]! };
  const line = y.map((v, t) => theta * v + (1 - theta) * (intercept + slope * t));
  const s = fitSes(line);
  return { intercept, slope, theta, level: s.level, alpha: s.alpha, n };
}

export function thetaForecast(fit: ThetaFit, h: number): number[] {
  const w = 1 / fit.theta;
  const out: number[] = [];
  for (let i = 1; i <= h; i++) {
    const trend = fit.intercept + fit.slope * (fit.n - 1 + i);
    out.push((1 - w) * trend + w * fit.level);
  }
  return out;
}

/** Classic Theta (θ = 2) point forecasts. */
export function theta(y: readonly number[], h: number, thetaValue = 2): number[] {
  return thetaForecast(fitTheta(y, thetaValue), h);
}
