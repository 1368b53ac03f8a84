#!/usr/bin/env python3
# Refreshes each package's PublicAPI.Unshipped.txt from the RS0016 (missing) and RS0017 (removed) errors of a Release
# build until the solution builds: the fallback when `dotnet format analyzers` cannot load the workspace (seen with
# SDK 10.0.401 here). Read the diff afterwards: it is the API change under review. Usage: python3 build/update-public-api.py [REPO]
import re, subprocess, sys, os, collections
root = sys.argv[1] if len(sys.argv) > 1 else '.'
for round in range(8):
    out = subprocess.run(['dotnet','build','FluentDocker.sln','-c','Release'], cwd=root, capture_output=True, text=True).stdout
    adds = collections.defaultdict(set); removes = collections.defaultdict(set)
    for m in re.finditer(r"error RS0016: Symbol '(.+?)' is not part of the declared public API.*?\[(.+?\.csproj)\]", out):
        adds[os.path.dirname(m.group(2))].add(m.group(1))
    for m in re.finditer(r"error RS0017: Symbol '(.+?)' is part of the declared API.*?\[(.+?\.csproj)\]", out):
        removes[os.path.dirname(m.group(2))].add(m.group(1))
    if not adds and not removes:
        errs = [l for l in out.splitlines() if ' error ' in l]
        print('round', round, 'no API errors;', len(set(errs)), 'other errors'); print('\n'.join(sorted(set(errs))[:20])); break
    for d in set(adds) | set(removes):
        p = os.path.join(d, 'PublicAPI.Unshipped.txt')
        lines = open(p).read().splitlines()
        header = [l for l in lines if l.startswith('#')]
        body = [l for l in lines if l and not l.startswith('#') and l not in removes[d]]
        body = sorted(set(body) | adds[d])
        open(p, 'w').write('\n'.join(header + body) + '\n')
        print('round', round, p, '+', len(adds[d]), '-', len(removes[d]))
