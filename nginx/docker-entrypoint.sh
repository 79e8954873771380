#!/bin/sh
# Container entrypoint: writes the telemetry include files for this start (from
# TELEMETRY_UPSTREAMS) into /tmp/nginx, then runs the command (nginx).
set -eu
mkdir -p /tmp/nginx
render-telemetry /tmp/nginx /etc/nginx/vectorizer
exec "$@"
