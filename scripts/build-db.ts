/** `npm run db:build`: builds the FerretDB launcher into .cache/ (CI runs it before the tests). */
import { buildFerretDb } from "../src/db/provision.ts";

const bin = await buildFerretDb((line) => console.log(line));
console.log(`FerretDB launcher ready: ${bin}`);
