import { defineConfig } from "vitest/config";

/**
 * `npm run test:reliability`: faults, hostile input, replay, shutdown. Files that stop the database start
 * their own server (test/reliability/support/restartable-database.ts); the others share the run's server.
 */
export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    // The first run builds FerretDB (about a minute).
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
