import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/reliability/**", "node_modules/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    // The first run builds FerretDB (about a minute).
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
