#!/usr/bin/env bash
# Benchmarks (results and how to read them: docs/benchmarks.md).
#   scripts/bench.sh [--runs N] [--messages N] [--events N]        sync of a 50,000-message, 1,000-event mailbox
#                                                                  from the Graph emulator in its own process
#   scripts/bench.sh relationships [--interactions N] [--contacts N] [--runs N]
#                                                                  full warmth recompute, 1,000,000 interactions
#   scripts/bench.sh model [--messages N] [--contacts N] [--runs N]
#                                                                  warmth model fit + rescore, 100,000-message mailbox
#   scripts/bench.sh incremental [--messages N] [--contacts N] [--page N] [--pages N] [--full-every N]
#                                                                  rescore after one synced page vs full recompute
#   scripts/bench.sh context [--clients N] [--seconds N] [--think-ms N] [--rounds N]
#                                                                  POST /api/context/batch under 200 concurrent clients
#   scripts/bench.sh intros [--clients N] [--seconds N] [--think-ms N] [--rounds N]
#                                                                  GET /api/mailboxes/{m}/intros?to= under the context load
#   scripts/bench.sh load [--mailboxes N] [--messages N] [--events N] [--clients N] [--seconds N]
#                                                                  1,000 mailboxes synced by one and two `serve` instances on
#                                                                  PostgreSQL; context API load during the sync
#   scripts/bench.sh notify [--messages N]                         new mail → API through Graph change notifications
#   scripts/bench.sh receiver [--posts N] [--concurrency N] [--items N] [--rounds N]
#                                                                  /api/notifications answer times under a burst
#   scripts/bench.sh bundle                                        the add-in's bundle sizes (gzipped)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build NetworkSync.sln -c Release -v q -nologo >/dev/null
bench=bench/NetworkSync.Bench/bin/Release/net10.0/NetworkSync.Bench.dll
if [[ "${1:-}" == "relationships" || "${1:-}" == "model" || "${1:-}" == "incremental" ]]; then
  exec dotnet "$bench" "$@"
fi
if [[ "${1:-}" == "context" ]]; then
  shift
  exec dotnet "$bench" context src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
fi
if [[ "${1:-}" == "intros" ]]; then
  shift
  exec dotnet "$bench" intros src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
fi
if [[ "${1:-}" == "load" ]]; then
  shift
  exec dotnet "$bench" load src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
fi
if [[ "${1:-}" == "notify" ]]; then
  shift
  exec dotnet "$bench" notify src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
fi
if [[ "${1:-}" == "receiver" ]]; then
  shift
  exec dotnet "$bench" receiver src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
fi
if [[ "${1:-}" == "bundle" ]]; then
  cd addin && exec npm run --silent size
fi
exec dotnet "$bench" src/NetworkSync.App/bin/Release/net10.0/networksync.dll "$@"
