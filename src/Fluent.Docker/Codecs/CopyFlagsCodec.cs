using System.Text;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// The COPY/ADD flag family (<see cref="CopyOptions"/>: <c>--chown</c>, <c>--chmod</c>, <c>--link</c>, <c>--exclude</c>,
/// <c>--parents</c>) in one place, as BuildKit keeps it in its COPY/ADD command parsing: reading from the flags,
/// writing, validation, the frontend each flag needs, and the C# the importer writes. COPY, ADD and inline-content
/// COPY share it; each says only which flags it refuses.
/// </summary>
internal static class CopyFlagsCodec
{
    /// <summary>--chown, --chmod, --link, --exclude (--parents is COPY's own); null when a value is beyond the model (a variable mode, a symbolic chmod).</summary>
    public static CopyOptions? Read(BuilderFlags flags, DockerfileReader.Context context)
    {
        var options = new CopyOptions { Link = flags.Bool("link"), Exclude = ValueList.From(flags.Strings("exclude")) };
        if (flags.String("chown") is { } chown) options = options with { Chown = DockerfileReader.UserOf(context.Analyze(chown)) };
        if (flags.String("chmod") is { } chmod)
        {
            try
            {
                options = options with { Chmod = FilePermissions.Octal(chmod) };
            }
            catch (DockerValueException)
            {
                return null;
            }
        }
        return options;
    }

    /// <summary>COPY's flags in their fixed order: <c>--from</c>, the shared ones, <c>--parents</c>.</summary>
    public static string WriteCopy(DockerfileSyntax syntax, ArtifactSource? from, CopyOptions options)
    {
        var flags = new StringBuilder();
        if (from is not null) flags.Append("--from=").Append(DockerfileEmitter.FromText(from)).Append(' ');
        Write(syntax, flags, options);
        if (options.Parents) flags.Append("--parents ");
        return flags.ToString();
    }

    /// <summary>The flags COPY and ADD share: <c>--chown</c>, <c>--chmod</c>, <c>--link</c>, <c>--exclude</c>.</summary>
    public static void Write(DockerfileSyntax syntax, StringBuilder flags, CopyOptions options)
    {
        if (options.Chown is { } chown)
            flags.Append("--chown=").Append(syntax.FlagWord(chown.Text)).Append(' ');
        if (options.Chmod is { } chmod) flags.Append("--chmod=").Append(chmod).Append(' ');
        if (options.Link) flags.Append("--link ");
        // BuildKit does not expand --exclude patterns: only the flag parser's escaping applies.
        foreach (var exclude in options.Exclude) flags.Append("--exclude=").Append(DockerfileSyntax.FlagLiteral(exclude)).Append(' ');
    }

    public static void Check(DockerfileValidator.Site site, CopyOptions options)
    {
        if (options.Chown is { } chown)
        {
            site.Value("--chown", chown);
            site.Flag("--chown", chown.Text);
        }
        foreach (var exclude in options.Exclude) site.Flag("--exclude", exclude);
    }

    /// <summary>The flags the builtin frontend (BuildKit 0.13) rejects: <c>--exclude</c> and <c>--parents</c> need a labs frontend there.</summary>
    public static void CheckFrontend(BuilderProfile frontend, DockerfileValidator.Site site, CopyOptions options)
    {
        if (frontend.BuildahVersion is not null)
        {
            if (options.Link) BuildahFeatures.Require(frontend, site, "--link", BuilderFeature.CopyLink);
            if (options.Exclude.Count > 0) BuildahFeatures.Require(frontend, site, "--exclude", BuilderFeature.CopyExclude);
            if (options.Parents) BuildahFeatures.Require(frontend, site, "--parents", BuilderFeature.CopyParents);
            return;
        }
        if (!frontend.IsBuiltin) return;
        if (options.Exclude.Count > 0)
            site.Add("--exclude", "The builtin Dockerfile frontend (BuildKit 0.13) does not know --exclude.", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.7-labs\")), or a .dockerignore pattern.");
        if (options.Parents)
            site.Add("--parents", "The builtin Dockerfile frontend (BuildKit 0.13) does not know --parents.", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.7-labs\")), or copy each directory explicitly.");
    }

    /// <summary>The options as a trailing C# argument (<c>, new CopyOptions { … }</c>), or nothing for <see cref="CopyOptions.None"/>.</summary>
    public static string Argument(CSharpModel model, CopyOptions options, bool named = false) =>
        options == CopyOptions.None ? "" : (named ? ", options: " : ", ") + ToCSharp(model, options);

    public static string ToCSharp(CSharpModel model, CopyOptions options)
    {
        if (options == CopyOptions.None) return "CopyOptions.None";
        var settings = new List<string>();
        if (options.Chown is { } chown) settings.Add("Chown = " + model.UserOf(chown));
        if (options.Chmod is { } chmod) settings.Add("Chmod = " + CSharpModel.PermissionsOf(chmod));
        if (options.Link) settings.Add("Link = true");
        if (options.Exclude.Count > 0) settings.Add($"Exclude = ValueList.Of({CSharpModel.Strings(options.Exclude)})");
        if (options.Parents) settings.Add("Parents = true");
        return "new CopyOptions { " + string.Join(", ", settings) + " }";
    }
}
