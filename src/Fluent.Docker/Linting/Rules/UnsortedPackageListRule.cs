using System.Text;
using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0126: an <c>apt-get install</c> or <c>apk add</c> of three or more packages not in sorted order. Both managers
/// install the same set whatever the order, so sorting changes nothing but the text: duplicates show, and adding a
/// package is a one-line diff (Docker's best-practice guide: sort multi-line arguments). The fix sorts the package
/// words in place; options stay where they are. Lists with a variable (<c>$PKGS</c> may be several words) are left alone.
/// </summary>
internal sealed class UnsortedPackageListRule() : RunTextRule(RuleIds.UnsortedPackageList), IFixableRule
{
    /// <summary>Below this many packages the order is plain to see.</summary>
    internal const int MinimumPackages = 3;

    private static readonly string[] OrderFreeManagers = [PackageInstalls.AptGet, PackageInstalls.Apk];

    public FixOutcome FixFinding(FixContext context, Finding finding) => context.FixRunCommand(Id, finding,
        Sorted, "sorted the package list", "the package words could not be reordered in place");

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script) =>
        UnsortedInstalls(script).Select(install => At(at, install.Manager, string.Join(" ", SortedValues(install))));

    /// <summary>The script with every unsorted list sorted, each package word's raw text moved into the next slot; null when none is.</summary>
    internal static string? Sorted(ShellScript script)
    {
        var installs = UnsortedInstalls(script).ToList();
        if (installs.Count == 0) return null;
        var text = new StringBuilder(script.Text);
        // From the end of the text backwards, so earlier offsets stay valid.
        var replacements = installs.SelectMany(install =>
        {
            var sorted = install.PackageWords.OrderBy(w => w.Value, StringComparer.Ordinal).ToList();
            return install.PackageWords.Select((slot, i) => (Slot: slot, Raw: script.Text[sorted[i].Start..sorted[i].End]));
        });
        foreach (var (slot, raw) in replacements.OrderByDescending(r => r.Slot.Start))
            text.Remove(slot.Start, slot.End - slot.Start).Insert(slot.Start, raw);
        return text.ToString();
    }

    private static IEnumerable<PackageInstall> UnsortedInstalls(ShellScript script) =>
        OrderFreeManagers.SelectMany(manager => PackageInstalls.In(script, manager))
            .Where(install => install.PackageWords.Count >= MinimumPackages
                && !install.Packages.Any(p => p.Contains('$', StringComparison.Ordinal))
                && !install.Packages.SequenceEqual(SortedValues(install), StringComparer.Ordinal));

    private static IEnumerable<string> SortedValues(PackageInstall install) => install.Packages.Order(StringComparer.Ordinal);
}
