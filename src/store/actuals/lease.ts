/**
 * The import lease of one team and kind. A claim is the insert of `team|kind|base|attempt` (unique
 * `_id`: exactly one of concurrent claimers wins, which a conditional update on FerretDB 1.24 does not
 * guarantee). `base` is the committed revision the import will build on, so once the holder commits
 * base+1, the next importer claims at base+1 and merges on top: two imports at once give what running
 * them one after the other gives. A holder renews its lease while it works; a lease left to expire (its
 * importer crashed) is taken over with attempt+1. Should a slow holder outlive its lease after all, the
 * manifest insert still lets only one of the two commit base+1, and the other is told to run again.
 */

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type ActualsLeaseDoc, ActualsLeaseModel } from "../../db/models/actuals-lease.ts";
import { UserError } from "../../errors.ts";
import { insertUnique } from "../unique-insert.ts";
import { leaseId } from "./ids.ts";
import { currentManifest, type Manifest, manifestExists } from "./manifest.ts";
import type { ActualsKind } from "./rows.ts";

export interface LeaseOptions {
  /** How long a lease lasts without renewal (a crashed importer is taken over after this). */
  ttlMs?: number;
  /** How long to wait for another import of the same team and kind before giving up. */
  waitMs?: number;
  /** Called once when another import holds the lease and this one starts waiting. */
  onWait?: () => void;
  now?: () => Date;
}

export interface Lease {
  /** The committed manifest this import builds on. */
  base: Manifest;
  id: string;
  /** Leases at the same base whose importers crashed: their pending chunks are garbage once base+1 commits. */
  crashed: { id: string; pending: string[] }[];
  /** Records the chunk ids about to be written (before writing them). */
  recordPending(ids: string[]): Promise<void>;
  /** Ends the lease (after a commit, a no-op import or a failure). */
  release(): Promise<void>;
  /** Stops renewing the lease and leaves it to expire (its pending chunks are swept by the next holder). */
  abandon(): void;
}

const TTL_MS = 30_000;
const WAIT_MS = 180_000;
const POLL_MS = 100;

const leases = () => ActualsLeaseModel.collection;

const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

const kindNames: Record<ActualsKind, string> = {
  orders: "orders",
  demand: "demand actuals",
  production: "production actuals",
  inventory: "inventory snapshots",
};

/** Claims the lease of `teamId` and `kind`, waiting (bounded) while another import holds it. */
export async function acquireLease(
  teamId: string,
  kind: ActualsKind,
  opts: LeaseOptions = {},
): Promise<Lease> {
  const ttl = opts.ttlMs ?? TTL_MS;
  const now = opts.now ?? (() => new Date());
  const deadline = Date.now() + (opts.waitMs ?? WAIT_MS);
  let waitingFor: ActualsLeaseDoc | null = null;
  for (;;) {
    const base = await currentManifest(teamId, kind);
    const crashed: Lease["crashed"] = [];
    for (let attempt = 0; ; attempt++) {
      const id = leaseId(teamId, kind, base.revision, attempt);
      const at = now();
      const doc: ActualsLeaseDoc = {
        _id: id,
        teamId,
        kind,
        base: base.revision,
        attempt,
        owner,
        acquiredAt: at,
        expiresAt: new Date(at.getTime() + ttl),
        pending: [],
      };
      if (await insertUnique(ActualsLeaseModel, doc)) {
        // Someone may have committed base+1 and ended their lease just before this claim.
        if (await manifestExists(teamId, kind, base.revision + 1)) {
          await leases().deleteOne({ _id: id as never });
          break;
        }
        return held(doc, base, crashed, ttl, now);
      }
      const other = (await leases().findOne({ _id: id as never })) as ActualsLeaseDoc | null;
      if (!other) break; // ended meanwhile: look again
      if (other.expiresAt.getTime() <= now().getTime()) {
        crashed.push({ id: other._id, pending: other.pending ?? [] });
        continue; // take over with the next attempt
      }
      if (!waitingFor) opts.onWait?.();
      waitingFor = other;
      break;
    }
    if (Date.now() >= deadline) {
      const since = waitingFor ? Math.round((now().getTime() - waitingFor.acquiredAt.getTime()) / 1000) : 0;
      throw new UserError(
        "conflict",
        `Another import of ${kindNames[kind]} for this team is still running (for ${since} s). Nothing was imported; please try again when it has finished.`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function held(
  doc: ActualsLeaseDoc,
  base: Manifest,
  crashed: Lease["crashed"],
  ttl: number,
  now: () => Date,
): Lease {
  const renew = () =>
    leases()
      .updateOne({ _id: doc._id as never }, { $set: { expiresAt: new Date(now().getTime() + ttl) } })
      .catch(() => {}); // a missed renewal only risks a takeover, which the manifest insert settles
  const timer = setInterval(renew, Math.max(1000, ttl / 3));
  timer.unref();
  return {
    base,
    id: doc._id,
    crashed,
    async recordPending(ids) {
      await leases().updateOne({ _id: doc._id as never }, { $set: { pending: ids } });
    },
    async release() {
      clearInterval(timer);
      await leases().deleteOne({ _id: doc._id as never });
    },
    abandon() {
      clearInterval(timer);
    },
  };
}

/** Deletes the leases of crashed importers (after their leftovers were swept). */
export async function forgetLeases(ids: readonly string[]): Promise<void> {
  for (const id of ids) await leases().deleteOne({ _id: id as never });
}
