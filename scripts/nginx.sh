#!/usr/bin/env bash
# Runs Debian's nginx with the repository's nginx.conf on a loopback port, serving dist/.
#   scripts/nginx.sh start|stop|run|test [port] [root]   (port: $NGINX_PORT or 8088;
#                                                         root: $NGINX_ROOT or dist/)
#     start  in the background (waits until /health answers)   stop  the one on that port
#     run    in the foreground (for Playwright's webServer)      test  nginx -t only
# The config is nginx.conf itself with its container paths rewritten to .nginx-run/<port>/
# (pid, temp files, logs), nginx/ (snippets) and the site folder.
# TELEMETRY_UPSTREAMS="127.0.0.1:8000" proxies /api/ to a telemetry endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD
command=${1:-}
port=${2:-${NGINX_PORT:-8088}}
site=$(realpath -m "${3:-${NGINX_ROOT:-dist}}")
run=$project/.nginx-run/$port
nginx_bin=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}

write_config() {
  mkdir -p "$run"
  sh nginx/render-telemetry.sh "$run" "$project/nginx"
  sed -e "s#listen 8080 default_server;#listen 127.0.0.1:$port default_server;#" \
    -e "s#/tmp/nginx/#$run/#g" \
    -e "s#/etc/nginx/vectorizer/#$project/nginx/#g" \
    -e "s#/usr/share/nginx/html#$site#g" \
    -e "s#/dev/stdout#$run/access.log#" \
    -e "s#/dev/stderr#$run/error.log#" \
    nginx.conf >"$run/nginx.conf"
}

nginx_cmd() { "$nginx_bin" -p "$run" -e "$run/error.log" -c "$run/nginx.conf" "$@"; }

case $command in
  test)
    write_config
    nginx_cmd -t -q
    echo "nginx.sh: $run/nginx.conf is valid"
    ;;
  run)
    write_config
    exec "$nginx_bin" -p "$run" -e "$run/error.log" -c "$run/nginx.conf" -g 'daemon off;'
    ;;
  start)
    [ -d "$site" ] || { echo "nginx.sh: $site does not exist (run npm run build first)" >&2; exit 1; }
    write_config
    nginx_cmd -t -q
    nginx_cmd
    for _ in $(seq 50); do
      if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
        echo "nginx.sh: serving $site at http://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    echo "nginx.sh: nginx did not answer on port $port; see $run/error.log" >&2
    exit 1
    ;;
  stop)
    if [ -s "$run/nginx.pid" ]; then
      pid=$(cat "$run/nginx.pid")
      nginx_cmd -s quit
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
      echo "nginx.sh: stopped nginx on port $port"
    else
      echo "nginx.sh: no nginx running on port $port"
    fi
    ;;
  *)
    echo "usage: scripts/nginx.sh start|stop|run|test [port] [root]" >&2
    exit 2
    ;;
esac
