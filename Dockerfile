# syntax=docker/dockerfile:1
# NetworkSync as a container: the add-in is built with Node, the service with the .NET SDK, and only the
# published service and the add-in's dist/ go into the ASP.NET Core runtime image, run as a non-root user.
# Configuration comes from the environment only (see docs/operations.md); nothing secret is baked in.
# Not built here (no container runtime on the machine it was written on): see docs/operations.md, "Container".

FROM node:20-bookworm-slim AS addin
WORKDIR /src/addin
COPY addin/package.json addin/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY addin/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json NetworkSync.sln Directory.Build.props Directory.Packages.props dotnet-tools.json appsettings.json ./
COPY src/ src/
RUN dotnet publish src/NetworkSync.App/NetworkSync.App.csproj -c Release -o /out -p:SkipAddinBuild=true -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/ ./
COPY --from=build /src/appsettings.json ./appsettings.json
COPY --from=addin /src/addin/dist/ ./addin/dist/
# The data folder (Data Protection keys, the local key, a SQLite database if one is used) is a volume
# owned by the non-root user the base image provides ($APP_UID, "app").
RUN mkdir -p /var/lib/networksync && chown "$APP_UID" /var/lib/networksync
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataFolder=/var/lib/networksync \
    Storage__DatabasePath=/var/lib/networksync/networksync.db \
    Addin__DistPath=/app/addin/dist \
    DOTNET_gcServer=0
USER $APP_UID
VOLUME ["/var/lib/networksync"]
EXPOSE 8080
# No HEALTHCHECK: the orchestrator probes /healthz/live and /healthz/ready (compose.yaml shows both).
ENTRYPOINT ["dotnet", "/app/networksync.dll", "serve"]
