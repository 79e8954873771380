#!/bin/sh
# Writes the two telemetry include files nginx.conf expects, from TELEMETRY_UPSTREAMS
# (host:port of each telemetry replica, separated by spaces or commas; empty = no telemetry).
#   render-telemetry.sh <output-dir> <snippets-dir>
# POSIX sh: it runs in the container's entrypoint as well as from scripts/nginx.sh.
set -eu
out=$1
snippets=$2
upstreams=$(printf '%s' "${TELEMETRY_UPSTREAMS:-}" | tr ',' ' ')
mkdir -p "$out"

if [ -z "$(printf '%s' "$upstreams" | tr -d ' ')" ]; then
  printf '# Telemetry not configured (TELEMETRY_UPSTREAMS is empty).\n' >"$out/telemetry-upstream.conf"
  cat >"$out/telemetry-locations.conf" <<CONF
location /api/ {
    include $snippets/security-headers.conf;
    default_type application/json;
    return 404 '{"error":"telemetry is not configured on this server"}\n';
}
CONF
  exit 0
fi

{
  printf 'upstream telemetry {\n    least_conn;\n'
  for server in $upstreams; do
    printf '    server %s max_fails=3 fail_timeout=10s;\n' "$server"
  done
  printf '    keepalive 16;\n}\n'
} >"$out/telemetry-upstream.conf"

cat >"$out/telemetry-locations.conf" <<CONF
location /api/ {
    include $snippets/security-headers.conf;
    client_max_body_size 64k;
    proxy_pass http://telemetry;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$http_host;
    proxy_set_header X-Real-IP \$remote_addr;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 2s;
    proxy_read_timeout 10s;
    proxy_next_upstream error timeout http_502 http_503;
    error_page 502 503 504 = @telemetry_unavailable;
}
# The endpoint's own health check, through the proxy: GET /api/health.
location = /api/health {
    include $snippets/security-headers.conf;
    proxy_pass http://telemetry/health;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_connect_timeout 2s;
    proxy_read_timeout 5s;
    error_page 502 503 504 = @telemetry_unavailable;
}
# Every replica down: a JSON 503 the app can ignore, never nginx's HTML error page.
location @telemetry_unavailable {
    include $snippets/security-headers.conf;
    add_header Retry-After "10" always;
    default_type application/json;
    return 503 '{"error":"telemetry is unavailable"}\n';
}
CONF
