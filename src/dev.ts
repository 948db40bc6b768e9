/** `npm run dev`: the app with a local database and pretty-enough logs; tsx watch restarts it on changes. */
process.env.LOG_LEVEL ??= "debug";
await import("./main.ts");
