# The Vectorizer web image: the Rust core built to wasm, the app built with Vite, served by
# nginx as a non-root user on port 8080. Base images are pinned to exact versions; pin them
# by digest too where your registry policy asks for it (docker buildx imagetools inspect).
# scripts/docker-build-stages.sh runs the same build commands on a host without Docker.

# 1. Rust → wasm (SIMD and scalar builds), with Debian's toolchain and wasm32 standard library.
FROM debian:12.12-slim AS wasm
RUN apt-get update \
 && apt-get install -y --no-install-recommends rustc cargo libstd-rust-dev-wasm32 lld binaryen \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY wasm-core/ wasm-core/
COPY scripts/build-wasm.sh scripts/find-wasm-toolchain.sh scripts/
RUN bash scripts/build-wasm.sh

# 2. Node → the static app (dist/), with the wasm from stage 1.
FROM node:20.20.2-bookworm-slim AS app
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
# npm install with the lock (npm ci refuses it: a benchmark peer lists platform packages the
# registry does not carry); no install scripts are needed to build.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY index.html vite.config.ts tsconfig*.json ./
COPY public/ public/
COPY scripts/pwa-icons.ts scripts/vite-precompress.ts scripts/
COPY src/ src/
COPY --from=wasm /src/src/engine/wasm/ src/engine/wasm/
RUN npx vite build

# 3. The telemetry endpoint (server/), for docker-compose.yml.
FROM node:20.20.2-bookworm-slim AS telemetry
WORKDIR /srv
COPY package.json package-lock.json .npmrc ./
RUN npm install --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY server/ server/
# The contracts the endpoint shares with the app: the event schema and the error codes.
COPY src/telemetry/job-event.ts src/telemetry/
COPY src/engine/errors.ts src/engine/
ENV NODE_ENV=production PORT=8000
USER node
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "run", "--silent", "start:telemetry"]

# 4. The web image: nginx as uid 101, the config and snippets read-only, the build as the site.
FROM nginxinc/nginx-unprivileged:1.28.0-alpine AS web
COPY nginx.conf /etc/nginx/nginx.conf
COPY nginx/security-headers.conf /etc/nginx/vectorizer/security-headers.conf
COPY nginx/render-telemetry.sh /usr/local/bin/render-telemetry
COPY nginx/docker-entrypoint.sh /usr/local/bin/vectorizer-entrypoint
COPY --from=app /src/dist/ /usr/share/nginx/html/
USER 101
RUN render-telemetry /tmp/nginx /etc/nginx/vectorizer && nginx -t -e /dev/stderr && rm -rf /tmp/nginx
# host:port of each telemetry replica (space- or comma-separated); empty = static site only.
ENV TELEMETRY_UPSTREAMS=""
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["vectorizer-entrypoint"]
CMD ["nginx", "-e", "/dev/stderr", "-g", "daemon off;"]
