#!/usr/bin/env bash
# Builds the core twice — with SIMD (simd128) and without — and optimises both with wasm-opt
# when it is available. Output: src/engine/wasm/vectorizer-{simd,scalar}.wasm
set -euo pipefail
cd "$(dirname "$0")/.."
bindir=$(bash scripts/find-wasm-toolchain.sh)
out=src/engine/wasm
mkdir -p "$out"
build() { # build <name> <rustflags>
  local name=$1 flags=$2 target_dir=wasm-core/target/$1
  (cd wasm-core && PATH="$bindir:$PATH" RUSTFLAGS="$flags" CARGO_TARGET_DIR="target/$name" \
    cargo build --quiet --release --target wasm32-unknown-unknown)
  local wasm=$target_dir/wasm32-unknown-unknown/release/vectorizer_core.wasm
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -O3 --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --strip-debug --strip-producers "$wasm" -o "$out/vectorizer-$name.wasm"
  else
    echo "build-wasm: wasm-opt not found (Debian package binaryen); copying unoptimised $name build" >&2
    cp "$wasm" "$out/vectorizer-$name.wasm"
  fi
}
build simd "-C target-feature=+simd128"
build scalar ""
ls -l "$out"/*.wasm | awk '{print "build-wasm: " $9 " " $5 " bytes"}'
