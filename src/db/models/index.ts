/**
 * Every model the app uses, so indexes are created at start. Each model file registers itself here.
 * Only src/store/ uses them (the rules they are built on are in src/store/README.md).
 */
import type { Model } from "mongoose";
import { ActualsBucketModel } from "./actuals-bucket.ts";
import { ActualsLeaseModel } from "./actuals-lease.ts";
import { ActualsManifestModel } from "./actuals-manifest.ts";
import { CycleModel } from "./cycle.ts";
import { CycleEventModel } from "./cycle-event.ts";
import { DemandActualModel } from "./demand-actual.ts";
import { DigestFactsModel } from "./digest-facts.ts";
import { DigestPostModel } from "./digest-post.ts";
import { InventorySnapshotModel } from "./inventory-snapshot.ts";
import { JobRunModel } from "./job-run.ts";
import { JobRunClaimModel } from "./job-run-claim.ts";
import { KpiSnapshotModel } from "./kpi-snapshot.ts";
import { OrderModel } from "./order.ts";
import { OutboxAttemptModel } from "./outbox-attempt.ts";
import { PlanVersionModel } from "./plan-version.ts";
import { ProductionActualModel } from "./production-actual.ts";
import { SignoffMessageModel } from "./signoff-message.ts";
import { SlackEventClaimModel } from "./slack-event-claim.ts";
import { SlackInstallationModel } from "./slack-installation.ts";
import { SopItemModel } from "./sop-item.ts";
import { SopItemClosureModel } from "./sop-item-closure.ts";
import { TeamConfigModel } from "./team-config.ts";
import { TeamConfigRevisionModel } from "./team-config-revision.ts";

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of models
const registered: Model<any>[] = [
  TeamConfigModel,
  TeamConfigRevisionModel,
  ActualsBucketModel,
  ActualsManifestModel,
  ActualsLeaseModel,
  // The one-row-per-document collections before buckets: read only by the migration.
  OrderModel,
  DemandActualModel,
  ProductionActualModel,
  InventorySnapshotModel,
  KpiSnapshotModel,
  JobRunModel,
  JobRunClaimModel,
  OutboxAttemptModel,
  DigestFactsModel,
  DigestPostModel,
  CycleModel,
  CycleEventModel,
  PlanVersionModel,
  SignoffMessageModel,
  SopItemModel,
  SopItemClosureModel,
  SlackInstallationModel,
  SlackEventClaimModel,
];

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of models
export function registerModel(model: Model<any>): void {
  if (!registered.includes(model)) registered.push(model);
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of models
export function allModels(): Model<any>[] {
  return registered;
}
