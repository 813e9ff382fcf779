# syntax=docker/dockerfile:1
# One image runs both the operator (`run`) and the HTTP-01 solver (`acmesolver`).
# The base images are arguments so a registry mirror or local stand-ins (scripts/build-image.sh) can replace them.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
# Framework-dependent on the aspnet image: the app layer holds only our assemblies and packages.
# Self-contained trimming is out while YamlDotNet raises trim warnings (IL2104; errors here).
# READY_TO_RUN=true precompiles (faster first requests, about twice the app layer); see docs/benchmarks.md.
ARG READY_TO_RUN=false
ARG TARGETARCH
WORKDIR /src
# Restore layer: only the files that decide the package graph, so code edits reuse it.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CertOperator/CertOperator.csproj src/CertOperator/
COPY src/CertOperator.Crds/CertOperator.Crds.csproj src/CertOperator.Crds/
COPY src/CertOperator.Kubernetes/CertOperator.Kubernetes.csproj src/CertOperator.Kubernetes/
COPY src/CertOperator.Acme/CertOperator.Acme.csproj src/CertOperator.Acme/
COPY src/CertOperator.Dns/CertOperator.Dns.csproj src/CertOperator.Dns/
RUN dotnet restore src/CertOperator/CertOperator.csproj -a "${TARGETARCH:-amd64}" -p:PublishReadyToRun=${READY_TO_RUN}
# .editorconfig sets the analyzer severities the build (warnings as errors) is checked against.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/CertOperator/CertOperator.csproj -c Release --no-restore -a "${TARGETARCH:-amd64}" \
      --self-contained false -p:PublishReadyToRun=${READY_TO_RUN} -p:UseAppHost=false -p:DebugType=none \
      -p:SatelliteResourceLanguages=en \
      -o /app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# No diagnostics IPC socket and no server GC: nothing is written to disk, so the root
# filesystem can be read-only without a /tmp volume, and the heap stays small.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
COPY --from=build /app ./
# APP_UID (1654) is the non-root user the .NET base images ship; numeric so runAsNonRoot can verify it.
USER $APP_UID
EXPOSE 9402 9403
ENTRYPOINT ["dotnet", "/app/CertOperator.dll"]
CMD ["run"]
