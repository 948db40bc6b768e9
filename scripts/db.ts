/**
 * `npm run db`: provisions the local database in the foreground for operators and scripts. The first line
 * on stdout is `MONGODB_URI=…`; it serves until SIGINT or SIGTERM, which stop the server it started.
 */
import { provisionDatabase, withDatabase } from "../src/db/provision.ts";

const db = await provisionDatabase({ dataName: "dev", log: (line) => console.error(line) });
console.log(`MONGODB_URI=${withDatabase(db.serverUri, "sop")}`);
console.error(`serving (${db.kind}); Ctrl-C to stop`);
const keepAlive = setInterval(() => {}, 1 << 30);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    clearInterval(keepAlive);
    await db.stop();
    process.exit(0);
  });
}
