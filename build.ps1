#!/usr/bin/env pwsh
# Build entry point: ./build.ps1 [--target=Default|Build|Test|Generate|Images|Clean] [--configuration=Release] [--registry=HOST:PORT]
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

dotnet tool restore
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# build/build.cake #r-loads the Release library and examples assemblies: build them before Cake starts.
dotnet build FluentDocker.sln -c Release
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

dotnet cake build/build.cake @args
exit $LASTEXITCODE
