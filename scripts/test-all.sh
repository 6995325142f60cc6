#!/usr/bin/env bash
# Runs every NetworkSync test suite: build with warnings as errors, `dotnet format` check, all .NET
# test projects (the storage ones on SQLite and on a real PostgreSQL they start themselves), the add-in's
# unit tests, and the browser end-to-end tests (headless Debian Chromium against the real service in demo
# mode). Installs what it can (npm packages; Debian packages when root) and otherwise says exactly what to
# install.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need() { echo "test-all: $1" >&2; exit 1; }

command -v dotnet >/dev/null || need "the .NET 10 SDK is missing: install it (https://dot.net) and rerun."
dotnet --list-sdks | grep -q '^10\.' || need "the .NET 10 SDK is missing (dotnet --list-sdks shows no 10.x): install it and rerun."
command -v npm >/dev/null || need "npm is missing: install Node.js 20 or later (Debian: apt-get install nodejs npm) and rerun."

# The browser tests drive Debian's Chromium, never a downloaded browser.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    need "Chromium is missing for the browser tests: install the Debian package (sudo apt-get install chromium) and rerun."
  fi
fi

# The PostgreSQL storage tests start a real server from Debian's package (initdb, pg_ctl) in a temporary folder;
# here they must run, so a missing PostgreSQL fails them instead of skipping them.
have_postgres() {
  local bindir
  if bindir=$(pg_config --bindir 2>/dev/null) && [[ -x $bindir/initdb ]]; then return 0; fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}
if ! have_postgres; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing Debian's postgresql for the PostgreSQL storage tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    need "PostgreSQL is missing for the storage tests: install the Debian package (sudo apt-get install -y postgresql) and rerun."
  fi
fi
export NETWORKSYNC_REQUIRE_POSTGRES=1

# The tests stop their servers as their host exits, but a host ended before its exit handlers finish can
# leave one running: at the end, stop any test cluster whose test host (owner.pid) is gone.
stop_leftover_test_clusters() {
  local data folder owner pg_ctl
  for data in "${TMPDIR:-/tmp}"/networksync-pg-*/data; do
    [[ -f $data/postmaster.pid ]] || continue
    folder=$(dirname "$data")
    owner=$(cat "$folder/owner.pid" 2>/dev/null || true)
    if [[ -n $owner ]] && kill -0 "$owner" 2>/dev/null; then continue; fi
    pg_ctl=$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | head -n 1 || true)
    [[ -n $pg_ctl ]] || pg_ctl=$(pg_config --bindir)/pg_ctl
    if [[ $(id -u) -eq 0 ]]; then
      runuser -u "$(stat -c %U "$data")" -- "$pg_ctl" stop -D "$data" -m immediate -w >/dev/null 2>&1 || true
    else
      "$pg_ctl" stop -D "$data" -m immediate -w >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
  done
}
trap stop_leftover_test_clusters EXIT

started=$(date +%s)
echo "== restore and build (Release, warnings as errors)"
dotnet restore NetworkSync.sln
dotnet tool restore >/dev/null
dotnet build NetworkSync.sln -c Release --no-restore -warnaserror

echo "== dotnet format (must be clean)"
dotnet format NetworkSync.sln --verify-no-changes --no-restore --severity warn

echo "== .NET tests"
log=$(mktemp)
set +e
dotnet test NetworkSync.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"

echo "== add-in unit tests"
(cd addin && npm ci --no-audit --no-fund && npm test)

if grep -q '"e2e"' addin/package.json; then
  echo "== browser end-to-end tests (headless Chromium, the real service in demo mode)"
  (cd addin && npm run e2e)
fi

echo "== done in $(( $(date +%s) - started )) s"
echo "dotnet: ${passed} passed, ${failed} failed, ${skipped} skipped"
[[ $status -eq 0 && $failed -eq 0 && $passed -gt 0 ]]
