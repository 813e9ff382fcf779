#!/usr/bin/env bash
# Publishes the operator as one Native AOT executable: artifacts/aot/certoperator (linux-x64 unless RID is set).
# Needs a C toolchain for the native link: clang, or gcc as the SDK's fallback (scripts/install-deps.sh).
# Warnings are errors here too, so a trim/AOT regression fails the publish. Took 19.5 min on 2 vCPUs shared
# with other builds (load ~20-30), most of it in the native code generation.
set -euo pipefail
cd "$(dirname "$0")/.."

rid="${RID:-linux-x64}"
out="artifacts/aot"
dotnet publish src/CertOperator -c Release -r "$rid" -p:PublishAot=true -o "$out/publish" "$@"
cp "$out/publish/CertOperator" "$out/certoperator"
echo "$out/certoperator ($(du -h "$out/certoperator" | cut -f1))"
