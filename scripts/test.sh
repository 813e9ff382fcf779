#!/usr/bin/env bash
# The whole test suite: installs what the tests start (pebble, bind9, lego, etcd), then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
dotnet test CertOperator.sln "$@"
