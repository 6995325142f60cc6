#!/usr/bin/env bash
# Rewrites addin/test/openapi.v1.json from the OpenAPI document the service serves (after an API change),
# through the .NET test that otherwise fails while the copy is stale. Then run `npm test` in addin/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/NetworkSync.App.Tests -c Debug -p:SkipAddinBuild=true
NETWORKSYNC_UPDATE_OPENAPI=1 dotnet test tests/NetworkSync.App.Tests -c Debug --no-build --filter "FullyQualifiedName~OpenApiDocumentTests"
