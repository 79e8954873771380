#!/usr/bin/env bash
# Installs the system prerequisites the build and the tests need, when they are missing.
# On Debian/Ubuntu as root it installs them with apt; elsewhere it stops with one line
# naming what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

missing_apt=()
need() { # need <command-or-path> <debian-package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -e "$1" ]; then missing_apt+=("$2"); fi
}

# A Rust toolchain with the wasm32 target: rustup's (if it has the target) or Debian's.
if ! bash scripts/find-wasm-toolchain.sh >/dev/null 2>&1; then
  missing_apt+=(rustc cargo libstd-rust-dev-wasm32 lld)
fi
need wasm-opt binaryen
if [ -z "${VECTORIZER_SKIP_BROWSER:-}" ]; then
  need chromium chromium
  need /usr/sbin/nginx nginx
  need promtool prometheus
fi
# The readers of the formats the exporters write; their unit tests run them (src/node/export.test.ts).
# Inkscape opens EPS and DXF through its Python extensions, which need lxml, cssselect and numpy.
if [ -z "${VECTORIZER_SKIP_READERS:-}" ]; then
  need pdfinfo poppler-utils
  need gs ghostscript
  need /usr/lib/python3/dist-packages/ezdxf python3-ezdxf
  need inkscape inkscape
  need /usr/lib/python3/dist-packages/lxml python3-lxml
  need /usr/lib/python3/dist-packages/cssselect python3-cssselect
  need /usr/lib/python3/dist-packages/numpy python3-numpy
fi

if [ ${#missing_apt[@]} -eq 0 ]; then exit 0; fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "setup: installing ${missing_apt[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" fonts-dejavu-core >/dev/null
  # Debian's prometheus package starts a service we do not use.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now prometheus >/dev/null 2>&1 || true; fi
  bash scripts/find-wasm-toolchain.sh >/dev/null
else
  echo "setup: missing prerequisites: ${missing_apt[*]} (Debian package names; elsewhere install rustup with 'rustup target add wasm32-unknown-unknown', binaryen, chromium, nginx, prometheus, poppler, ghostscript, ezdxf and inkscape)" >&2
  exit 1
fi
