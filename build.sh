#!/usr/bin/env bash
# Build entry point: ./build.sh [--target=Default|Build|Test|Generate|Images|Clean] [--configuration=Release] [--registry=HOST:PORT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
# build/build.cake #r-loads the Release library and examples assemblies: build them before Cake starts.
dotnet build FluentDocker.sln -c Release
dotnet cake build/build.cake "$@"
