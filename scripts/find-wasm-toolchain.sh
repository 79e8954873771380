#!/usr/bin/env bash
# Prints the directory of a cargo whose rustc can build wasm32-unknown-unknown, or fails.
# Tries the cargo on PATH first (rustup with the wasm32 target), then Debian's /usr/bin.
set -uo pipefail
probe() { # probe <bin-dir>
  local dir=$1 sysroot
  [ -x "$dir/cargo" ] && [ -x "$dir/rustc" ] || return 1
  sysroot=$("$dir/rustc" --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]
}
for dir in "$(dirname "$(command -v cargo 2>/dev/null || echo /nonexistent/cargo)")" /usr/bin; do
  if probe "$dir"; then echo "$dir"; exit 0; fi
done
echo "no Rust toolchain with the wasm32-unknown-unknown target: run 'rustup target add wasm32-unknown-unknown' or, on Debian, 'apt-get install rustc cargo libstd-rust-dev-wasm32 lld'" >&2
exit 1
