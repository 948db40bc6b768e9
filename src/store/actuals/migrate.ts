/**
 * Moves actuals stored one row per document (the four collections `orders`, `demand_actuals`,
 * `production_actuals`, `inventory_snapshots`) into buckets, one team and kind at a time: read the
 * team's old documents (an `_id` prefix range), store them through the normal bucket upsert — insert
 * only, so a key already in the buckets (migrated before, or imported since) keeps its bucket value —
 * which commits with one manifest insert; only then delete the old documents. A crash anywhere loses
 * nothing and a second run finishes the job (idempotent, resumable); two replicas starting at once
 * are serialized by the import lease. Old app versions must be stopped first: they write the old
 * collections, which this deletes team by team.
 */
import type { Collection, Document } from "mongodb";
import { DemandActualModel } from "../../db/models/demand-actual.ts";
import { InventorySnapshotModel } from "../../db/models/inventory-snapshot.ts";
import { OrderModel } from "../../db/models/order.ts";
import { ProductionActualModel } from "../../db/models/production-actual.ts";
import { ACTUALS_KINDS, type ActualsKind, type ActualsRowOf } from "./rows.ts";
import { type UpsertOptions, upsertActuals } from "./upsert.ts";

export interface MigratedTeam {
  teamId: string;
  kind: ActualsKind;
  /** Old documents read (and deleted after the commit). */
  rows: number;
  /** Of those, rows that were not in the buckets yet. */
  inserted: number;
}

export interface MigrateOptions {
  log?: (step: MigratedTeam) => void;
  /** Runs after a team and kind's bucket commit, before its old documents are deleted (tests stop there). */
  afterCommit?: (teamId: string, kind: ActualsKind) => Promise<void>;
  lease?: UpsertOptions["lease"];
}

const OLD: Record<ActualsKind, () => Collection<Document>> = {
  orders: () => OrderModel.collection as unknown as Collection<Document>,
  demand: () => DemandActualModel.collection as unknown as Collection<Document>,
  production: () => ProductionActualModel.collection as unknown as Collection<Document>,
  inventory: () => InventorySnapshotModel.collection as unknown as Collection<Document>,
};

/** The old documents' fields, as the import had checked them. */
const TO_ROW: { [K in ActualsKind]: (d: Document) => ActualsRowOf[K] } = {
  orders: (d) => ({
    orderId: d.orderId,
    family: d.family,
    orderDate: d.orderDate,
    promisedDate: d.promisedDate,
    deliveredDate: d.deliveredDate ?? null,
    quantity: d.quantity,
  }),
  demand: (d) => ({
    period: d.period,
    start: d.start,
    family: d.family,
    forecastQty: d.forecastQty,
    actualQty: d.actualQty,
  }),
  production: (d) => ({
    period: d.period,
    start: d.start,
    family: d.family,
    plannedQty: d.plannedQty,
    actualQty: d.actualQty,
    capacityQty: d.capacityQty,
  }),
  inventory: (d) => ({ date: d.date, family: d.family, onHandQty: d.onHandQty }),
};

/** Old `_id`s are `team|natural key`: the team's documents are one `_id` range (`}` follows `|`). */
const teamRange = (teamId: string) => ({ _id: { $gte: `${teamId}|`, $lt: `${teamId}}` }, teamId });

async function migrateTeam(kind: ActualsKind, teamId: string, opts: MigrateOptions): Promise<MigratedTeam> {
  const coll = OLD[kind]();
  const rows: ActualsRowOf[ActualsKind][] = [];
  const toRow = TO_ROW[kind];
  for await (const d of coll.find(teamRange(teamId) as never).batchSize(10_000)) rows.push(toRow(d));
  const stored = await upsertActuals(teamId, kind, rows as never[], {
    insertOnly: true,
    source: "migration",
    lease: opts.lease,
    afterCommit: opts.afterCommit ? () => opts.afterCommit!(teamId, kind) : undefined,
  });
  await coll.deleteMany(teamRange(teamId) as never);
  return { teamId, kind, rows: rows.length, inserted: stored.inserted };
}

/** Migrates every team's old actuals; returns what it moved (nothing when there is nothing left). */
export async function migrateActuals(opts: MigrateOptions = {}): Promise<MigratedTeam[]> {
  const done: MigratedTeam[] = [];
  for (const kind of ACTUALS_KINDS) {
    for (;;) {
      const any = await OLD[kind]().findOne({}, { projection: { teamId: 1 } });
      if (!any) break;
      if (typeof any.teamId !== "string" || any.teamId === "")
        throw new Error(`${kind}: old actuals document ${JSON.stringify(any._id)} has no team id`);
      const step = await migrateTeam(kind, any.teamId, opts);
      opts.log?.(step);
      done.push(step);
      // A document outside its team's `_id` range would come back forever.
      if (await OLD[kind]().findOne({ _id: any._id }, { projection: { _id: 1 } }))
        throw new Error(
          `${kind}: old actuals document ${JSON.stringify(any._id)} is not under its team's ids`,
        );
    }
  }
  return done;
}
