#!/usr/bin/env bash
# Rust quality gates: rustfmt and clippy where the toolchain has them, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo fmt --version >/dev/null 2>&1; then
  (cd wasm-core && cargo fmt --check)
else
  echo "rust-checks: rustfmt not available, format check skipped" >&2
fi
if cargo clippy --version >/dev/null 2>&1; then
  (cd wasm-core && cargo clippy --quiet --all-targets -- -D warnings)
else
  echo "rust-checks: clippy not available, lint skipped" >&2
fi
bash scripts/cargo.sh test --quiet
