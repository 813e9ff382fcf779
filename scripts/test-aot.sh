#!/usr/bin/env bash
# Publishes the Native AOT binary (scripts/publish-aot.sh) and runs the end-to-end tests that start the
# operator as a process with it instead of `dotnet CertOperator.dll`: the real kube-apiserver tests
# (KubeApiServer*) and the test API server's Certificate pipeline and ACME issuance (pebble) tests.
# Extra arguments go to dotnet test. About 15 min on 2 idle cores: publish ~3, build the tests ~2, tests ~10.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/publish-aot.sh
export CERTOPERATOR_BINARY=$PWD/artifacts/aot/certoperator
dotnet test tests/CertOperator.Tests \
  --filter "FullyQualifiedName~KubeApiServer|FullyQualifiedName~TestApiServerCertificatePipelineTests|FullyQualifiedName~AcmeIssuanceTests" \
  "$@"
