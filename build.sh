#!/usr/bin/env bash
# Build entry point: ./build.sh [--target=Default|Build|Test|Pack|Generate|Images|Release|Lint|Conformance|Fuzz|Bench|Clean] [--configuration=Release] [--registry=HOST:PORT] [--version=1.2.3]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore
# build/build.cake #r-loads the Release library and examples assemblies: build them before Cake starts.
dotnet build FluentDocker.sln -c Release
# Cake answers --version itself: hand ours (the release version) on as --release-version.
args=()
while (($#)); do
  case "$1" in
    --version=*) args+=("--release-version=${1#--version=}") ;;
    --version) shift; args+=("--release-version=${1:-}") ;;
    *) args+=("$1") ;;
  esac
  shift
done
# The solution is built in Release above: the Cake Build task skips a second build of the same configuration.
dotnet cake build/build.cake --solution-built=Release "${args[@]}"
