#!/usr/bin/env bash
# Builds the operator image (certoperator:dev, a Native AOT binary) with podman where no container registry
# is reachable: the Dockerfile's base images are replaced by local stand-ins made from Debian packages
# (debootstrap) and this machine's .NET: an SDK image with a C toolchain for the native link, and a
# runtime-deps image (libc, OpenSSL, CA certificates, non-root user 1654), like
# mcr.microsoft.com/dotnet/{sdk,runtime-deps}:10.0. The stand-ins are built once and reused.
# Arguments go to podman build. Env: IMAGE, SDK_IMAGE, RUNTIME_IMAGE, DEBIAN_MIRROR, CERTOPERATOR_IMAGE_CACHE, DOTNET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-certoperator:dev}
SDK_IMAGE=${SDK_IMAGE:-localhost/certoperator-sdk-native:10.0}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-localhost/certoperator-runtime-deps:10.0}
CACHE=${CERTOPERATOR_IMAGE_CACHE:-/var/tmp/certoperator-images}
DOTNET_DIR=${DOTNET_DIR:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
APP_UID=1654
# The Debian mirror apt already uses, so debootstrap works wherever apt-get does.
MIRROR=${DEBIAN_MIRROR:-$(grep -h -o -E 'https?://[^ ]+/debian/?$' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null || { echo "build-image: $tool is missing (apt-get install -y podman runc debootstrap)" >&2; exit 1; }
done
mkdir -p "$CACHE"
# podman's default ulimits cannot be applied in this sandbox.
if [[ -z ${CONTAINERS_CONF:-} ]]; then
  printf '[containers]\ndefault_ulimits = []\n' > "$CACHE/containers.conf"
  export CONTAINERS_CONF="$CACHE/containers.conf"
fi

# rootfs DIR [PACKAGES]: Debian bookworm minbase with what .NET needs (OpenSSL, CA certificates, time zones),
# the listed extra packages, and user app (1654).
rootfs() {
  local dir=$1 extra=${2:+,$2}
  [[ -d $dir ]] && return
  rm -rf "$dir.tmp"
  debootstrap --variant=minbase --include="ca-certificates,libssl3,tzdata$extra" bookworm "$dir.tmp" "$MIRROR"
  local r=$dir.tmp
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/lib/apt/lists/* "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/locale/*
  echo "app:x:$APP_UID:$APP_UID::/home/app:/usr/sbin/nologin" >> "$r/etc/passwd"
  echo "app:x:$APP_UID:" >> "$r/etc/group"
  echo "app:!:19000::::::" >> "$r/etc/shadow"
  install -d -o "$APP_UID" -g "$APP_UID" "$r/home/app"
  mv "$r" "$dir"
}

# stand_in NAME ROOTFS PARTS... : ROOTFS + the listed parts of this machine's .NET (none: no .NET), imported as NAME.
stand_in() {
  local name=$1 base=$2; shift 2
  if podman image exists "$name"; then echo "build-image: $name exists"; return; fi
  local stage=$CACHE/stage
  rm -rf "$stage"; mkdir -p "$stage"
  local changes=(--change "ENV APP_UID=$APP_UID" --change "ENV DOTNET_RUNNING_IN_CONTAINER=true"
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
  if (($#)); then
    mkdir -p "$stage/usr/share/dotnet" "$stage/usr/bin"
    (cd "$DOTNET_DIR" && cp -a --parents "$@" "$stage/usr/share/dotnet/")
    ln -s /usr/share/dotnet/dotnet "$stage/usr/bin/dotnet"
    changes+=(--change "ENV DOTNET_ROOT=/usr/share/dotnet")
  fi
  if [[ -d $DOTNET_DIR/sdk ]] && [[ " $* " == *" sdk "* ]]; then
    # The SDK stand-in restores from the same NuGet source as this machine, so it trusts the same CAs.
    mkdir -p "$stage/etc/ssl/certs"; cp /etc/ssl/certs/ca-certificates.crt "$stage/etc/ssl/certs/"
    # No ICU in the base (the operator is InvariantGlobalization), so the SDK runs invariant too.
    changes+=(--change "ENV DOTNET_CLI_TELEMETRY_OPTOUT=1" --change "ENV DOTNET_NOLOGO=1"
      --change "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1"
      --change "ENV NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}")
  fi
  echo "build-image: importing $name"
  tar -C "$base" -c . | tar -C "$stage" -x --skip-old-files
  tar -C "$stage" -c . | podman import "${changes[@]}" - "$name" >/dev/null
  rm -rf "$stage"
}

rootfs "$CACHE/rootfs"
# The SDK's Native AOT link needs a C compiler and linker (gcc here; the SDK takes clang first when present).
rootfs "$CACHE/rootfs-toolchain" gcc,libc6-dev,binutils
stand_in "$RUNTIME_IMAGE" "$CACHE/rootfs"
stand_in "$SDK_IMAGE" "$CACHE/rootfs-toolchain" dotnet host shared sdk sdk-manifests packs templates

podman build --runtime runc --network host \
  --build-arg SDK_IMAGE="$SDK_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
  -t "$IMAGE" "$@" .
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "build-image: $IMAGE is $((size / 1000000)) MB ($size bytes)"
