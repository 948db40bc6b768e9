/**
 * The actuals store: the only code that reads or writes actuals. Rows live in buckets (one team × kind
 * × month, split into chunks of typed columns) committed by manifest revisions; see README "Storage".
 */
export type { Chunk } from "./codec.ts";
export type { ChunkOf } from "./codecs.ts";
export { NULL_DAY } from "./column-codec.ts";
export { dayText, fastDay } from "./days.ts";
export {
  demandByFamily,
  demandByFamilyMonth,
  type FamilyDemand,
  type FamilyMonthDemand,
  type FamilyMonthProduction,
  type FamilyProduction,
  productionByFamily,
  productionByFamilyMonth,
} from "./family-totals.ts";
export type { InventoryChunk } from "./inventory-codec.ts";
export { type FamilyOnHand, latestOnHandByFamily } from "./latest-on-hand.ts";
export type { Manifest, MonthEntry } from "./manifest.ts";
export { type MigratedTeam, type MigrateOptions, migrateActuals } from "./migrate.ts";
export type { OrderChunk } from "./orders-codec.ts";
export type { DemandChunk, ProductionChunk } from "./period-codec.ts";
export { actualsRows, orderRows } from "./read-rows.ts";
export {
  ACTUALS_KINDS,
  type ActualsKind,
  type ActualsRowOf,
  type ActualsWindow,
  type DemandRow,
  type InventoryRow,
  isActualsKind,
  type OrderRow,
  type ProductionRow,
} from "./rows.ts";
export {
  consistently,
  type DateWindow,
  familyIndex,
  monthsOfOrders,
  monthsOfWindow,
  type OrderSelection,
  type ScannedChunk,
  scanChunks,
} from "./scan.ts";
export { type UpsertOptions, type UpsertResult, upsertActuals } from "./upsert.ts";
