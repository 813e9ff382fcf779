#!/usr/bin/env bash
# Runs the built image (certoperator:dev) against a real kube-apiserver 1.24 as the certoperator
# ServiceAccount under config/rbac: non-root, read-only root filesystem with no tmpfs, all
# capabilities dropped. Applies a SelfSigned ClusterIssuer and a Certificate, waits for Ready,
# scrapes :9402/metrics and :9403/readyz from the host, and prints image size, cold start to
# /readyz and to the first Ready Certificate, and idle RSS. Stops what it started.
# Env: IMAGE, KUBE_DIR (../shared/kube-apiserver), BASE and the ports start.sh takes.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-certoperator:dev}
KUBE_DIR=${KUBE_DIR:-${CERTOPERATOR_KUBE_APISERVER_DIR:-../shared/kube-apiserver}}
export BASE=${BASE:-/tmp/kube-img} API_PORT=${API_PORT:-26443} ETCD_PORT=${ETCD_PORT:-33790}
export ETCD_PEER_PORT=${ETCD_PEER_PORT:-33800} KCM_PORT=${KCM_PORT:-20257}
RUN_DIR=$BASE-run
NAME=certoperator-smoke
if [[ -z ${CONTAINERS_CONF:-} ]]; then
  mkdir -p "$RUN_DIR"; printf '[containers]\ndefault_ulimits = []\n' > "$RUN_DIR/containers.conf"
  export CONTAINERS_CONF=$RUN_DIR/containers.conf
fi
ms() { date +%s%3N; }
cleanup() { podman rm -f "$NAME" >/dev/null 2>&1 || true; "$KUBE_DIR/stop.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT

RESET=1 "$KUBE_DIR/start.sh" >/dev/null
export KUBECONFIG=$BASE/kubeconfig
kubectl apply -f config/crds >/dev/null
kubectl apply -f config/default/namespace.yaml -f config/rbac >/dev/null
kubectl wait --for=condition=Established crd --all --timeout=60s >/dev/null
kubectl apply -f scripts/image-smoke.yaml >/dev/null
# The operator's kubeconfig (token for the certoperator ServiceAccount), readable by uid 1654 only.
mkdir -p "$RUN_DIR"
install -o 1654 -g 1654 -m 0400 "$BASE/operator.kubeconfig" "$RUN_DIR/operator.kubeconfig"

podman rm -f "$NAME" >/dev/null 2>&1 || true
start=$(ms)
podman run -d --name "$NAME" --runtime runc --network host \
  --read-only --read-only-tmpfs=false --cap-drop=all --security-opt no-new-privileges \
  -e POD_NAMESPACE=certoperator-system \
  -v "$RUN_DIR/operator.kubeconfig:/etc/certoperator/kubeconfig:ro" \
  "$IMAGE" run --kubeconfig /etc/certoperator/kubeconfig >/dev/null
until [[ $(curl -s localhost:9403/readyz || true) == ok ]]; do
  [[ $(( $(ms) - start )) -lt 60000 ]] || { podman logs "$NAME"; echo "image-smoke: /readyz not ok after 60 s" >&2; exit 1; }
  sleep 0.05
done
readyz=$(( $(ms) - start ))
until [[ $(kubectl get certificate web -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}') == True ]]; do
  [[ $(( $(ms) - start )) -lt 120000 ]] || { podman logs "$NAME"; echo "image-smoke: Certificate not Ready after 120 s" >&2; exit 1; }
  sleep 0.1
done
ready=$(( $(ms) - start ))

kubectl get clusterissuer,certificate -A
kubectl get secret web-tls -o jsonpath='{.data.tls\.crt}' | base64 -d | openssl x509 -noout -subject -enddate
curl -sf localhost:9402/metrics | grep -E '^certmanager_certificate_ready_status\{.*condition="True"'
echo "readyz: $(curl -sf localhost:9403/readyz)"
echo "user: $(podman top "$NAME" user huser | tail -1)"
sleep 30 # idle: informers synced, nothing to do
pid=$(podman inspect --format '{{.State.Pid}}' "$NAME")
podman stats --no-stream --format 'podman stats: {{.Name}} mem {{.MemUsage}} cpu {{.CPUPerc}}' "$NAME"
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "image $IMAGE: $((size / 1000000)) MB ($size bytes)"
echo "cold start to /readyz ok: ${readyz} ms; to Certificate Ready: ${ready} ms"
echo "idle RSS after 30 s (pid $pid):" $(grep -E '^(VmRSS|RssAnon|RssFile|RssShmem)' "/proc/$pid/status")
