using Fluent.Docker.Conformance;

// Prints one line per corpus, "NAME: passed/total"; exits 1 when any corpus falls short (failures go to stderr).
var root = Corpora.FindRoot(args.Length > 0 ? args[0] : null);
var verbose = args.Contains("--verbose");
var complete = true;
if (Corpora.All.Count == 0)
{
    Console.Error.WriteLine("No corpus is registered.");
    return 1;
}
foreach (var corpus in Corpora.All)
{
    var result = corpus.Run(root);
    Console.WriteLine($"{corpus.Name}: {result.Passed}/{result.Total}");
    if (!result.Complete)
    {
        complete = false;
        foreach (var failure in verbose ? result.Failures : result.Failures.Take(10)) Console.Error.WriteLine($"  {corpus.Name}: {failure}");
    }
}
return complete ? 0 : 1;
