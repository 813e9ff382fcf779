#!/usr/bin/env bash
# One-command local demo: installs pebble and bind9 if missing, starts them, the Kubernetes API
# test server, the operator and a local HTTP-01 solver runner, applies examples/, waits for the
# certificate, prints it, and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dotnet build tools/CertOperator.Demo -v quiet -nologo
exec dotnet tools/CertOperator.Demo/bin/Debug/net10.0/CertOperator.Demo.dll "$@"
