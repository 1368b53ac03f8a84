using Fluent.Docker.Build;
using Fluent.Docker.Conformance;
using Fluent.Docker.Conformance.Differential;

// Prints one line per corpus, "NAME: passed/total"; exits 1 when any corpus falls short (failures go to stderr).
// The last line, buildkit-check-differential, runs the lab engine's own checks (docker buildx build --call=check) on
// every Dockerfile we have: it needs the engine (bash ../shared/lab/up.sh) and fails without it.
var root = Corpora.FindRoot(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)));
var verbose = args.Contains("--verbose");
// --only=NAME runs that one line (a corpus, or buildkit-check-differential).
var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?["--only=".Length..];
var complete = true;
if (Corpora.All.Count == 0)
{
    Console.Error.WriteLine("No corpus is registered.");
    return 1;
}
foreach (var corpus in Corpora.All.Where(c => only is null || c.Name == only))
{
    var result = corpus.Run(root);
    Console.WriteLine($"{corpus.Name}: {result.Passed}/{result.Total}");
    if (!result.Complete)
    {
        complete = false;
        foreach (var failure in verbose ? result.Failures : result.Failures.Take(10)) Console.Error.WriteLine($"  {corpus.Name}: {failure}");
    }
}

if (only is not null && only != BuildKitCheckDifferential.Name) return complete ? 0 : 1;
var differential = await BuildKitCheckDifferential.RunAsync(root, new Buildx());
Console.WriteLine(differential.Line);
if (verbose)
    foreach (var applied in differential.Outcomes.SelectMany(o => o.DifferencesApplied.Select(d => $"{o.Case.Name}: {d}")))
        Console.Error.WriteLine($"  {BuildKitCheckDifferential.Name}: known difference: {applied}");
if (!differential.Complete)
{
    complete = false;
    foreach (var failure in verbose ? differential.Failures : differential.Failures.Take(10)) Console.Error.WriteLine($"  {BuildKitCheckDifferential.Name}: {failure}");
}
return complete ? 0 : 1;
