# syntax=docker/dockerfile:1
# The app's image: `docker compose up` (compose.yaml) runs it as the web server and as the job worker
# beside PostgreSQL. Three stages: dependencies, build, and a runtime with only Node and the build's
# standalone output (.next/standalone: Next's server with only the node_modules files it loads, our
# web server, and the operator's commands bundled by scripts/standalone.mjs), run as a non-root user.
# No node_modules tree, no compilers, no dev dependencies, no npm cache, no TypeScript sources.
#
#   docker build -t hospital .
#   docker run -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e APP_URL=https://… -p 3000:3000 hospital
#
# The base image is named once; pin it by digest in your registry if you mirror it.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only (a cached layer until package-lock.json changes). npm ci's
#    postinstall generates the Prisma client from prisma/schema.prisma.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# 2. The production build: `next build`, then scripts/standalone.mjs completes .next/standalone
#    (browser assets, our web server, the bundled start, worker and console commands and the
#    node_modules files they load; its package.json's scripts run those bundles).
FROM deps AS build
COPY . .
RUN npm run build

# 3. Runtime: Node and the standalone output only. `npm start` (scripts/bundle/start.mjs, built from
#    scripts/start.ts) applies the migrations, creates the first admin and serves the build; with
#    START_WORKER=0 the job worker runs in its own container (`npm run worker`), as compose.yaml does.
#    The console: `docker compose exec app npm run console -- backup` (and every other command).
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
RUN groupadd --system --gid 10001 hospital \
  && useradd --system --uid 10001 --gid hospital --home-dir /app --shell /usr/sbin/nologin hospital \
  && mkdir -p /app/.data /backups \
  && chown hospital:hospital /app/.data /backups
# Owned by the app user: Next writes under .next at run time.
COPY --from=build --chown=hospital:hospital /app/.next/standalone /app
USER hospital
EXPOSE 3000
VOLUME ["/app/.data"]
# Ready: the database answers, the migrations are applied and a job worker was seen in the last minute.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/v1/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
