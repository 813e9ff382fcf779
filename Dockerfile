# syntax=docker/dockerfile:1
# One image runs both the operator (`run`) and the HTTP-01 solver (`acmesolver`).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore layer: only the files that decide the package graph, so code edits reuse it.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CertOperator/CertOperator.csproj src/CertOperator/
COPY src/CertOperator.Crds/CertOperator.Crds.csproj src/CertOperator.Crds/
COPY src/CertOperator.Kubernetes/CertOperator.Kubernetes.csproj src/CertOperator.Kubernetes/
COPY src/CertOperator.Acme/CertOperator.Acme.csproj src/CertOperator.Acme/
RUN dotnet restore src/CertOperator/CertOperator.csproj
COPY src/ src/
RUN dotnet publish src/CertOperator/CertOperator.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
COPY --from=build /app ./
# APP_UID (1654) is the non-root user the .NET base images ship.
USER $APP_UID
EXPOSE 9402 9403
ENTRYPOINT ["dotnet", "/app/CertOperator.dll"]
CMD ["run"]
