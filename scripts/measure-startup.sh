#!/usr/bin/env bash
# Cold start and idle memory of the operator's `run`, JIT (`dotnet CertOperator.dll`) against Native AOT
# (artifacts/aot/certoperator), on a real kube-apiserver 1.24 with the CRDs and RBAC installed and zero
# objects, authenticated as the certoperator ServiceAccount. Each variant is started ROUNDS times (default 3):
# milliseconds from process start to the first `ok` from /readyz (polled every 20 ms), then VmRSS from
# /proc/<pid>/status after IDLE seconds (default 30). Needs a Release build and scripts/publish-aot.sh first.
# Env: KUBE_DIR (../shared/kube-apiserver), ROUNDS, IDLE, HEALTH_PORT (29403), METRICS_PORT (29402).
set -euo pipefail
cd "$(dirname "$0")/.."

KUBE_DIR=${KUBE_DIR:-${CERTOPERATOR_KUBE_APISERVER_DIR:-../shared/kube-apiserver}}
export BASE=${BASE:-/tmp/kube-startup} API_PORT=${API_PORT:-27443} ETCD_PORT=${ETCD_PORT:-34790}
export ETCD_PEER_PORT=${ETCD_PEER_PORT:-34800} KCM_PORT=${KCM_PORT:-20357}
ROUNDS=${ROUNDS:-3} IDLE=${IDLE:-30} HEALTH_PORT=${HEALTH_PORT:-29403} METRICS_PORT=${METRICS_PORT:-29402}
JIT_DLL=src/CertOperator/bin/Release/net10.0/CertOperator.dll
AOT_BIN=artifacts/aot/certoperator
[[ -f $JIT_DLL ]] || { echo "measure-startup: build first: dotnet build -c Release src/CertOperator" >&2; exit 1; }
[[ -x $AOT_BIN ]] || { echo "measure-startup: publish first: scripts/publish-aot.sh" >&2; exit 1; }

pid=""
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; "$KUBE_DIR/stop.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT
RESET=1 "$KUBE_DIR/start.sh" >/dev/null
kubectl --kubeconfig "$BASE/kubeconfig" apply -f config/crds -f config/default/namespace.yaml -f config/rbac >/dev/null
kubectl --kubeconfig "$BASE/kubeconfig" wait --for=condition=Established crd --all --timeout=60s >/dev/null

ms() { date +%s%3N; }
measure() { # NAME COMMAND...
  local name=$1; shift
  for round in $(seq "$ROUNDS"); do
    local start; start=$(ms)
    POD_NAMESPACE=certoperator-system "$@" run --kubeconfig "$BASE/operator.kubeconfig" \
      --internal-healthz-listen-address "127.0.0.1:$HEALTH_PORT" --metrics-listen-address "127.0.0.1:$METRICS_PORT" >/dev/null 2>&1 &
    pid=$!
    until [[ $(curl -s "127.0.0.1:$HEALTH_PORT/readyz" || true) == ok ]]; do
      kill -0 "$pid" 2>/dev/null || { echo "measure-startup: $name exited" >&2; exit 1; }
      sleep 0.02
    done
    local ready=$(( $(ms) - start ))
    sleep "$IDLE"
    echo "$name round $round: readyz after ${ready} ms; idle $(grep VmRSS "/proc/$pid/status" | tr -s ' ')"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
}
echo "AOT binary: $(stat -c %s "$AOT_BIN") bytes"
measure jit dotnet "$JIT_DLL"
measure aot "$AOT_BIN"
