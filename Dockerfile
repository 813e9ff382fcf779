# syntax=docker/dockerfile:1
# One image runs both the operator (`run`) and the HTTP-01 solver (`acmesolver`): a single Native AOT
# executable on a runtime-deps base (libc, OpenSSL, CA certificates; no .NET runtime).
# The base images are arguments so a registry mirror or local stand-ins (scripts/build-image.sh) can replace them.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

FROM ${SDK_IMAGE} AS build
ARG TARGETARCH
# The native link needs a C toolchain; the official SDK image has none, the local stand-in has gcc.
RUN if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends clang && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /src
# Restore layer: only the files that decide the package graph, so code edits reuse it.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CertOperator/CertOperator.csproj src/CertOperator/
COPY src/CertOperator.Crds/CertOperator.Crds.csproj src/CertOperator.Crds/
COPY src/CertOperator.Kubernetes/CertOperator.Kubernetes.csproj src/CertOperator.Kubernetes/
COPY src/CertOperator.Acme/CertOperator.Acme.csproj src/CertOperator.Acme/
COPY src/CertOperator.Dns/CertOperator.Dns.csproj src/CertOperator.Dns/
RUN dotnet restore src/CertOperator/CertOperator.csproj -a "${TARGETARCH:-amd64}" -p:PublishAot=true
# .editorconfig sets the analyzer severities the build (warnings as errors, trim/AOT analysis included) is checked against.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/CertOperator/CertOperator.csproj -c Release --no-restore -a "${TARGETARCH:-amd64}" \
      -p:PublishAot=true -p:DebugType=none -p:SatelliteResourceLanguages=en -o /app \
    && mv /app/CertOperator /app/certoperator

FROM ${RUNTIME_IMAGE} AS runtime
# No diagnostics IPC socket: nothing is written to disk, so the root filesystem can be read-only without a /tmp volume.
ENV DOTNET_EnableDiagnostics=0
COPY --from=build /app/certoperator /usr/local/bin/certoperator
# APP_UID (1654) is the non-root user the .NET base images ship; numeric so runAsNonRoot can verify it.
USER 1654
EXPOSE 9402 9403
ENTRYPOINT ["/usr/local/bin/certoperator"]
CMD ["run"]
