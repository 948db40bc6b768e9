/**
 * A TCP proxy between the app and the database that can cut the database away at an exact moment: right
 * after the reply to the next command whose wire bytes match, every connection is dropped and new ones
 * are refused for a while — the database "dies" between two writes of the same request, every time.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export class CuttingProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private refusingUntil = 0;
  private trigger: { match: (msg: Buffer) => boolean; ms: number; fired: () => void } | undefined;
  port = 0;

  constructor(
    private readonly upstream: { host: string; port: number },
    /** Sees every chunk a client sends, before it is passed on (wire-recorder.ts reads the commands). */
    private readonly observe?: (client: Socket, chunk: Buffer) => void,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /**
   * After the reply to the next client message matching `match`, cuts everything for `ms`. Resolves when
   * the cut happened; rejects (and disarms) when no such message came within `withinMs`.
   */
  cutAfter(match: (msg: Buffer) => boolean, ms: number, withinMs = 10_000): Promise<void> {
    return new Promise((fired, failed) => {
      const timer = setTimeout(() => {
        this.trigger = undefined;
        failed(new Error("cutting proxy: the awaited command never came"));
      }, withinMs);
      this.trigger = {
        match,
        ms,
        fired: () => {
          clearTimeout(timer);
          fired();
        },
      };
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private accept(client: Socket): void {
    if (Date.now() < this.refusingUntil) {
      client.destroy();
      return;
    }
    const server = connect(this.upstream.port, this.upstream.host);
    this.sockets.add(client).add(server);
    let armed = false;
    client.on("data", (chunk) => {
      this.observe?.(client, chunk);
      if (this.trigger && !armed && this.trigger.match(chunk)) armed = true;
      server.write(chunk);
    });
    server.on("data", (chunk) => {
      client.write(chunk, () => {
        if (!armed || !this.trigger) return;
        const { ms, fired } = this.trigger;
        this.trigger = undefined;
        this.refusingUntil = Date.now() + ms;
        for (const s of this.sockets) s.destroy();
        this.sockets.clear();
        fired();
      });
    });
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on("error", close).on("close", close);
    server.on("error", close).on("close", close);
  }
}

/** Matches an OP_MSG `command` on `collection` (the BSON string element `command: "<collection>"`). */
function commandOn(command: string, collection: string): (msg: Buffer) => boolean {
  const name = Buffer.from(`${collection}\0`);
  const len = Buffer.alloc(4);
  len.writeInt32LE(name.length);
  const needle = Buffer.concat([Buffer.from(`\x02${command}\0`, "latin1"), len, name]);
  return (msg) => msg.includes(needle);
}

/** Matches an `insert` into `collection`. */
export const insertInto = (collection: string) => commandOn("insert", collection);

/** Matches an `update` of documents in `collection`. */
export const updateIn = (collection: string) => commandOn("update", collection);
