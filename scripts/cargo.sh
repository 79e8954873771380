#!/usr/bin/env bash
# Runs cargo in wasm-core/ with whichever toolchain can also build wasm32 (so that native tests
# and the wasm build use the same compiler version).
set -euo pipefail
cd "$(dirname "$0")/.."
bindir=$(bash scripts/find-wasm-toolchain.sh)
cd wasm-core
PATH="$bindir:$PATH" exec cargo "$@"
