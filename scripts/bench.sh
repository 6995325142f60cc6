#!/usr/bin/env bash
# Sync benchmark: builds Release, then syncs a 50,000-message, 1,000-event mailbox from the Graph
# emulator running in its own process. Prints a Markdown table (see docs/benchmarks.md).
# Usage: scripts/bench.sh [--runs N] [--messages N] [--events N]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build NetworkSync.sln -c Release -v q -nologo >/dev/null
exec dotnet bench/NetworkSync.Bench/bin/Release/net10.0/NetworkSync.Bench.dll \
  src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
