#!/usr/bin/env bash
# Runs the Dockerfile's build stages on this host (no Docker engine needed) in .tmp/docker/,
# each stage in its own folder holding only what the Dockerfile copies into it, then checks
# the web stage's nginx config and serves the result once:
#   wasm       Debian's Rust toolchain → src/engine/wasm/vectorizer-{simd,scalar}.wasm
#   app        npm install --ignore-scripts (with the lock), vite build → dist/
#   telemetry  checks the files and npm script the stage runs
#   web        nginx -t (plain and with a telemetry upstream), then /health, / and the wasm
# Keep the commands here and in the Dockerfile the same (scripts/docker-files.test.ts checks).
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD
work=$project/.tmp/docker
port=${DOCKER_STAGES_PORT:-4183}
rm -rf "$work"
mkdir -p "$work"

# copy_into <stage-dir> <path>...: like COPY, keeping the paths relative to the context.
copy_into() {
  local dest=$1
  shift
  for path in "$@"; do
    mkdir -p "$dest/$(dirname "$path")"
    cp -a "$path" "$dest/$path"
  done
}

echo "== stage wasm"
wasm=$work/wasm
copy_into "$wasm" wasm-core scripts/build-wasm.sh scripts/find-wasm-toolchain.sh
rm -rf "$wasm/wasm-core/target"
# Debian's toolchain only, as in the image (a rustup cargo on PATH is skipped).
(cd "$wasm" && PATH=/usr/bin:/bin bash scripts/build-wasm.sh)

echo "== stage app"
app=$work/app
copy_into "$app" package.json package-lock.json .npmrc
(cd "$app" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
copy_into "$app" index.html vite.config.ts tsconfig*.json \
  public scripts/pwa-icons.ts scripts/vite-precompress.ts src
rm -f "$app"/src/engine/wasm/*.wasm
cp "$wasm"/src/engine/wasm/*.wasm "$app/src/engine/wasm/"
(cd "$app" && npx vite build --logLevel warn)

echo "== stage telemetry"
if [ -d server ] && node -e 'process.exit(require("./package.json").scripts?.["start:telemetry"] ? 0 : 1)'; then
  echo "server/ and the start:telemetry script are present"
  # The image copies server/ and the two contracts it shares with the app; it must load from them.
  telemetry=$work/telemetry
  copy_into "$telemetry" package.json server src/telemetry/job-event.ts src/engine/errors.ts
  ln -s "$app/node_modules" "$telemetry/node_modules"
  (cd "$telemetry" && node --import tsx -e "await import('./server/server.ts')")
  echo "the telemetry endpoint loads from the files the image copies"
else
  echo "docker-build-stages: the telemetry stage needs server/ and an npm script start:telemetry" >&2
  telemetry_missing=1
fi

echo "== stage web"
site=$app/dist
sh -n nginx/docker-entrypoint.sh nginx/render-telemetry.sh
NGINX_ROOT=$site bash scripts/nginx.sh test "$port"
TELEMETRY_UPSTREAMS="127.0.0.1:8000, 127.0.0.1:8001" NGINX_ROOT=$site bash scripts/nginx.sh test "$port"
NGINX_ROOT=$site bash scripts/nginx.sh start "$port"
trap 'bash scripts/nginx.sh stop "$port" >/dev/null' EXIT
base=http://127.0.0.1:$port
curl -fsS "$base/health" | grep -q '"status":"healthy"'
curl -fsS "$base/" | grep -q '<div id="root">'
shopt -s nullglob
wasm_files=("$site"/assets/*.wasm)
if [ ${#wasm_files[@]} -ne 2 ]; then
  echo "docker-build-stages: expected both wasm builds in $site/assets, found ${#wasm_files[@]} (the app's worker imports them)" >&2
  exit 1
fi
for wasm_file in "${wasm_files[@]}"; do
  type=$(curl -fsS -o /dev/null -w '%{content_type}' "$base/assets/$(basename "$wasm_file")")
  [ "$type" = application/wasm ] || { echo "docker-build-stages: $wasm_file served as $type" >&2; exit 1; }
done
echo "docker-build-stages: wasm, app and web stages built and served from $site"
exit "${telemetry_missing:-0}"
