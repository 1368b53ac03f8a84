using System;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Rules;

/// <summary>What makes a name or a literal look like a secret.</summary>
internal static class SecretPatterns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    // BuildKit's SecretsUsedInArgOrEnv: a whole word of the name (words split on '_', any case) is one of these…
    private static readonly Regex SecretWord = new(@"(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    // …unless a word says it is not the secret itself (PUBLIC_KEY, PASSWORD_FILE, AUTH_MODULE_VERSION).
    private static readonly Regex AllowedWord = new(@"(?:^|_)(?:public|file|version)(?:_|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    /// <summary>True for ARG/ENV names like <c>API_TOKEN</c>, <c>db_password</c>, <c>apikey</c>.</summary>
    public static bool IsSecretName(string name) => SecretWord.IsMatch(name) && !AllowedWord.IsMatch(name);

    // Well-known credential formats (their documented prefixes and lengths), each with what to call it.
    private static readonly (string Kind, Regex Pattern)[] ValuePatterns =
    {
        ("private key", Pattern(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")),
        ("AWS access key id", Pattern(@"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b")),
        ("GitHub token", Pattern(@"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
        ("GitLab token", Pattern(@"\bglpat-[A-Za-z0-9_\-]{20,}")),
        ("Slack token", Pattern(@"\bxox[abposr]-[A-Za-z0-9\-]{10,}")),
        ("Stripe key", Pattern(@"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}")),
        ("npm token", Pattern(@"\bnpm_[A-Za-z0-9]{36}\b")),
        ("Google API key", Pattern(@"\bAIza[0-9A-Za-z_\-]{35}")),
        ("JSON web token", Pattern(@"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")),
        ("password in a URL", Pattern(@"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@'""]+:[^/\s@'""$]+@")),
    };

    /// <summary>The kind of credential <paramref name="value"/> contains, or null.</summary>
    public static string? SecretKind(string value)
    {
        foreach (var (kind, pattern) in ValuePatterns)
            if (pattern.IsMatch(value)) return kind;
        return null;
    }

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, Timeout);
}
