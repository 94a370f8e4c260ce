# Chainboard: the Next.js app and the collaboration server in one Node.js process.
# Built for the scaled-out mode (docker-compose.yml) but runs alone just as well.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling itself when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# `npm ci` runs the postinstall that generates both Prisma clients from prisma/ (offline),
# so the schemas and the script must be there before it.
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN npx next build --webpack \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# Debian's Chromium renders the PDF reports (server/report/pdfRenderer.ts, CHROMIUM_PATH);
# its fonts give the PDF readable text. Without it only the PDF is missing (503), not the app.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server itself is PID 1 (no npm, no shell in between), so SIGTERM reaches it and it drains:
# it stops accepting, commits what is pending, closes every websocket with 1001 and exits.
# `npm run serve` is the same command; `npm start` would also rebuild when sources look newer.
CMD ["node", "--import", "tsx", "server/index.ts"]
