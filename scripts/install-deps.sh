#!/usr/bin/env bash
# Installs the real components the tests and the demo start themselves:
# pebble + pebble-challtestsrv (ACME test server), bind9 (RFC 2136 target), lego (benchmark peer),
# etcd-server + curl + openssl (the real kube-apiserver 1.24 control plane of ../shared/kube-apiserver),
# gcc + libc6-dev (the Native AOT link of scripts/publish-aot.sh; the SDK uses clang instead when present),
# podman + runc + debootstrap (tests/CertOperator.Image.Tests builds the image with scripts/build-image.sh and runs it
# through podman's Docker API; installed with their recommended packages, as podman is usually installed).
# Idempotent; works as root without a TTY, or through sudo otherwise.
set -euo pipefail

# apt_install [APT-OPTIONS...] -- PACKAGES...: apt-get installs those of PACKAGES not installed yet.
apt_install() {
  local options=() missing=()
  while [[ $1 != -- ]]; do options+=("$1"); shift; done
  shift
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${options[@]}" "${missing[@]}"
}

apt_install --no-install-recommends -- pebble lego bind9 bind9-utils etcd-server curl openssl ca-certificates gcc libc6-dev
apt_install -- podman runc debootstrap

if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl is not on PATH: install kubectl 1.32 (the tests drive the API test server with it)." >&2
  exit 1
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on PATH: install the .NET 10 SDK." >&2
  exit 1
fi
