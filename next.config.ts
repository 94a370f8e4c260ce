import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only modules stay outside Next's bundles; route handlers reach the
  // running services through server/runtime.ts.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client", "pg", "pino"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
