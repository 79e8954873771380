#!/usr/bin/env bash
# Runs the test suite while stress-ng keeps every core busy, to show that no spec depends on an
# idle machine. For people to run; not part of .ci/run.
#   scripts/ci-under-load.sh [suite-runs] [spec-runs]
#     suite-runs  times `npm test` runs in a row under load (default 3)
#     spec-runs   times each PWA and timing-sensitive spec then runs alone under load (default 10)
# Prints one line per run and a summary; exits 1 if any run failed. Logs: .tmp/under-load/.
# E2E_PORT_OFFSET (see e2e/ports.ts) lets it run beside another checkout's browser suites.
set -uo pipefail
cd "$(dirname "$0")/.."
suite_runs=${1:-3}
spec_runs=${2:-10}
logs=.tmp/under-load
mkdir -p "$logs"

if ! command -v stress-ng >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null
  else
    echo "ci-under-load: install stress-ng (Debian package stress-ng)" >&2
    exit 1
  fi
fi

cores=$(nproc)
stress-ng --cpu "$cores" --timeout 0 --quiet &
stress_pid=$!
trap 'kill "$stress_pid" 2>/dev/null' EXIT

failures=0
record() { # record <label> <log> <status>
  if [ "$3" = 0 ]; then echo "pass  $1"; else
    echo "FAIL  $1 (see $2)"
    failures=$((failures + 1))
  fi
}

export CI=1
for run in $(seq 1 "$suite_runs"); do
  log=$logs/suite-$run.log
  npm test >"$log" 2>&1
  record "npm test, run $run of $suite_runs" "$log" $?
done

# The specs that depend most on the machine's speed: service-worker installs and updates,
# offline start, the 16 MP main-thread check, the watchdog and the timing figures.
specs=(
  e2e/pwa-update.spec.ts
  e2e/pwa-install.spec.ts
  e2e/pwa-offline.spec.ts
  e2e/pwa-share-target.spec.ts
  e2e/app-main-thread.spec.ts
  e2e/app-watchdog.spec.ts
  e2e/app-timing.spec.ts
)
for spec in "${specs[@]}"; do
  name=$(basename "$spec" .spec.ts)
  log=$logs/$name.log
  npx playwright test "$spec" --repeat-each "$spec_runs" --reporter line >"$log" 2>&1
  status=$?
  passed=$(grep -Eo '[0-9]+ passed' "$log" | tail -1)
  record "$spec × $spec_runs (${passed:-0 passed})" "$log" $status
done

echo "ci-under-load: $failures failing run(s) with $cores cores busy"
[ "$failures" = 0 ]
