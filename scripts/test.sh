#!/usr/bin/env bash
# The whole test suite: installs what the tests start (pebble, bind9, lego, etcd, podman), then runs every test
# project. With arguments (e.g. --filter) they go to one `dotnet test` of the solution. Without, the image test
# (tests/CertOperator.Image.Tests), which spends most of its time building the image, starts at once beside the
# rest instead of waiting for a free test slot.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
if (($#)); then
  exec dotnet test CertOperator.sln "$@"
fi

dotnet build CertOperator.sln
dotnet test tests/CertOperator.Image.Tests --no-build &
image=$!
status=0
dotnet test CertOperator.sln --no-build --filter "FullyQualifiedName!~CertOperator.Image.Tests" || status=$?
wait "$image" || status=$?
exit "$status"
