/** The bucket codec of each kind. */
import type { Chunk, KindCodec } from "./codec.ts";
import { type InventoryChunk, inventoryCodec } from "./inventory-codec.ts";
import { type OrderChunk, ordersCodec } from "./orders-codec.ts";
import { type DemandChunk, demandCodec, type ProductionChunk, productionCodec } from "./period-codec.ts";
import type { ActualsKind, ActualsRowOf } from "./rows.ts";

export interface ChunkOf {
  orders: OrderChunk;
  demand: DemandChunk;
  production: ProductionChunk;
  inventory: InventoryChunk;
}

export const CODECS: { [K in ActualsKind]: KindCodec<ActualsRowOf[K], ChunkOf[K]> } = {
  orders: ordersCodec,
  demand: demandCodec,
  production: productionCodec,
  inventory: inventoryCodec,
};

export function codecOf<K extends ActualsKind>(kind: K): KindCodec<ActualsRowOf[K], ChunkOf[K]> {
  return CODECS[kind];
}

export type AnyCodec = KindCodec<{ family: string }, Chunk>;
