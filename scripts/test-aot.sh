#!/usr/bin/env bash
# Publishes the Native AOT binary (scripts/publish-aot.sh) and runs the end-to-end tests that start the
# operator as a process with it instead of `dotnet CertOperator.dll`: the real kube-apiserver tests
# under EndToEnd (KubeApiServer*) and the test API server's Certificate pipeline and ACME issuance (pebble)
# tests, 33 tests in 9 classes (KubeApiServerCredentialsTests runs in-process). Extra arguments go to dotnet test.
# Run time measured on 2 vCPUs shared with other builds (load 20-50): publish 19.5 min, tests 16.8 min
# plus building the test project; expect a fraction of that on idle cores.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/publish-aot.sh
export CERTOPERATOR_BINARY=$PWD/artifacts/aot/certoperator
dotnet test tests/CertOperator.Tests \
  --filter "(FullyQualifiedName~.EndToEnd.&FullyQualifiedName~KubeApiServer)|FullyQualifiedName~TestApiServerCertificatePipelineTests|FullyQualifiedName~AcmeIssuanceTests" \
  "$@"
