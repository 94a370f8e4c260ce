// Generates both Prisma clients (SQLite and PostgreSQL) at install time, offline.
// `prisma generate` never runs the schema engine, but the CLI insists on downloading it
// first unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file (see docs/operations.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
for (const provider of ["sqlite", "postgres"]) {
  execFileSync(process.execPath, [cli, "generate", "--schema", `prisma/${provider}/schema.prisma`], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
}
console.log("chainboard: generated Prisma clients for sqlite and postgres");
