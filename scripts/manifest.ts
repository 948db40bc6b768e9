/**
 * `npm run manifest -- --host app.example.com` prints the Slack app manifest for an HTTP deployment;
 * `--socket-mode` for Socket Mode (add `--host` there too when installing through OAuth);
 * `--out FILE` writes it to FILE. Paste it at api.slack.com/apps → Create New App → From a manifest.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/db/provision.ts";
import { buildManifest } from "./manifest/build-manifest.ts";
import { collectSurface } from "./manifest/collect-surface.ts";
import { webApiCalls } from "./manifest/web-api-calls.ts";

try {
  const { values } = parseArgs({
    options: { host: { type: "string" }, "socket-mode": { type: "boolean" }, out: { type: "string" } },
  });
  const manifest = buildManifest(collectSurface(), webApiCalls(repoRoot), {
    host: values.host,
    socketMode: values["socket-mode"],
  });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, json);
    console.error(`wrote ${values.out}`);
  } else process.stdout.write(json);
} catch (err) {
  console.error(`manifest: ${(err as Error).message}`);
  process.exit(2);
}
