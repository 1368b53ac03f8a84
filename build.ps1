#!/usr/bin/env pwsh
# Build entry point: ./build.ps1 [--target=Default|Build|Test|Pack|Generate|Images|Release|Lint|Conformance|Fuzz|Bench|Clean] [--configuration=Release] [--registry=HOST:PORT] [--version=1.2.3]
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

# Cake answers --version itself: hand ours (the release version) on as --release-version.
$cakeArgs = @()
for ($i = 0; $i -lt $args.Count; $i++) {
    if ($args[$i] -like '--version=*') { $cakeArgs += '--release-version=' + $args[$i].Substring(10) }
    elseif ($args[$i] -eq '--version') { $i++; $cakeArgs += '--release-version=' + $args[$i] }
    else { $cakeArgs += $args[$i] }
}
# The solution is built in Release above: the Cake Build task skips a second build of the same configuration.
dotnet cake build/build.cake --solution-built=Release @cakeArgs
exit $LASTEXITCODE
