/**
 * A TCP proxy between a client and the database that records every command the client sends, read off
 * the wire (OP_MSG: the body document plus its document sequences, as the server sees them). It
 * watches a whole other process — `npm run demo` — without any hook in the code under test.
 */
import type { Socket } from "node:net";
import { BSON } from "mongodb";
import { CuttingProxy } from "../reliability/support/cutting-proxy.ts";
import type { SentCommand } from "./query-audit.ts";

const OP_MSG = 2013;
const OP_QUERY = 2004;
const CHECKSUM_PRESENT = 1;

export class WireRecorder {
  private readonly proxy: CuttingProxy;
  /** Bytes of a client's next, still incomplete message. */
  private readonly pending = new WeakMap<Socket, Buffer>();
  readonly commands: SentCommand[] = [];
  /** Frames that were neither OP_MSG nor the handshake's OP_QUERY (compression): the audit fails on them. */
  readonly unreadable: number[] = [];

  constructor(upstream: { host: string; port: number }) {
    this.proxy = new CuttingProxy(upstream, (client, chunk) => this.take(client, chunk));
  }

  get port(): number {
    return this.proxy.port;
  }

  async start(): Promise<this> {
    await this.proxy.start();
    return this;
  }

  stop(): Promise<void> {
    return this.proxy.stop();
  }

  private take(client: Socket, chunk: Buffer): void {
    let pending = Buffer.concat([this.pending.get(client) ?? Buffer.alloc(0), chunk]);
    while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      const length = pending.readInt32LE(0);
      this.read(pending.subarray(0, length));
      pending = pending.subarray(length);
    }
    this.pending.set(client, pending);
  }

  private read(frame: Buffer): void {
    const opCode = frame.readInt32LE(12);
    if (opCode !== OP_MSG) {
      // The driver's first handshake may be a legacy OP_QUERY hello; anything else is unexpected.
      if (opCode !== OP_QUERY) this.unreadable.push(opCode);
      return;
    }
    const flags = frame.readUInt32LE(16);
    const end = frame.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
    let body: Record<string, unknown> | undefined;
    const sequences: [string, unknown[]][] = [];
    for (let at = 20; at < end; ) {
      const kind = frame[at]!;
      const size = frame.readInt32LE(at + 1);
      if (kind === 0) {
        body = BSON.deserialize(frame.subarray(at + 1, at + 1 + size));
        at += 1 + size;
      } else {
        const nameEnd = frame.indexOf(0, at + 5);
        const name = frame.toString("utf8", at + 5, nameEnd);
        const docs: unknown[] = [];
        for (let d = nameEnd + 1; d < at + 1 + size; ) {
          const len = frame.readInt32LE(d);
          docs.push(BSON.deserialize(frame.subarray(d, d + len)));
          d += len;
        }
        sequences.push([name, docs]);
        at += 1 + size;
      }
    }
    if (!body) return;
    for (const [name, docs] of sequences) body[name] = docs;
    this.commands.push({ commandName: Object.keys(body)[0]!, command: body });
  }
}
