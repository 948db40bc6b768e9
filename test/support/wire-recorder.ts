/**
 * A TCP proxy between a client and the database that records every command the client sends, read off
 * the wire (OP_MSG: the body document plus its document sequences, as the server sees them). It
 * watches a whole other process — `npm run demo` — without any hook in the code under test.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import { BSON } from "mongodb";
import type { SentCommand } from "./query-audit.ts";

const OP_MSG = 2013;
const CHECKSUM_PRESENT = 1;

export class WireRecorder {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  readonly commands: SentCommand[] = [];
  /** Frames that were not OP_MSG (legacy opcodes, compression): the audit must see them as a failure. */
  readonly unreadable: number[] = [];
  port = 0;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private accept(client: Socket): void {
    const server = connect(this.upstream.port, this.upstream.host);
    this.sockets.add(client).add(server);
    let pending = Buffer.alloc(0);
    client.on("data", (chunk) => {
      server.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        this.read(pending.subarray(0, length));
        pending = pending.subarray(length);
      }
    });
    server.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on("error", close).on("close", close);
    server.on("error", close).on("close", close);
  }

  private read(frame: Buffer): void {
    const opCode = frame.readInt32LE(12);
    if (opCode !== OP_MSG) {
      // The driver's first handshake may be a legacy OP_QUERY hello; anything else is unexpected.
      if (opCode !== 2004) this.unreadable.push(opCode);
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
