using System.Collections.Generic;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;

namespace Fluent.Docker.Analyzers;

/// <summary>Roslyn descriptors built from the shared <see cref="RuleCatalog"/>, so the id, title and help link are the catalogue's.</summary>
internal static class Descriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new();

    public static DiagnosticDescriptor For(string id)
    {
        lock (ById)
        {
            if (!ById.TryGetValue(id, out var descriptor))
            {
                var rule = RuleCatalog.Get(id);
                descriptor = new DiagnosticDescriptor(
                    rule.Id, rule.Title, rule.MessageFormat, "FluentDocker." + rule.Category, ToRoslyn(rule.Severity),
                    isEnabledByDefault: true, description: rule.Description, helpLinkUri: rule.HelpLink);
                ById.Add(id, descriptor);
            }
            return descriptor;
        }
    }

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
