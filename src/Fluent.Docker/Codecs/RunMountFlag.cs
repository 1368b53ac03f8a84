using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// RUN <c>--mount</c>: cache, secret, ssh, bind and tmpfs mounts. Read like BuildKit's parseMount
/// (instructions/commands_runmount.go): CSV fields, key=value with lower-cased keys, the type (default bind) first
/// deciding which keys are allowed.
/// </summary>
internal sealed partial class RunMountFlag : RunFlagCodec<RunMount>
{
    public override string Flag => "mount";

    public override BuilderFlags.Kind Kind => BuilderFlags.Kind.Values;

    public override int ReadOrder => 0;

    public override bool Read(BuilderFlags flags, Dockerfile file, DockerfileReader.Context context, List<RunOption> options)
    {
        foreach (var mount in flags.Strings(Flag))
        {
            if (ReadMount(mount, file, context) is not { } typed) return false;
            options.Add(typed);
        }
        return true;
    }

    protected override string Write(DockerfileSyntax syntax, RunMount mount) => "--mount=" + string.Join(",", MountFields(syntax, mount));

    /// <summary>The mode/uid/gid fields shared by cache, secret and ssh mounts.</summary>
    private static IEnumerable<string> Ownership(FilePermissions? mode, int? uid, int? gid)
    {
        if (mode is { } m) yield return "mode=" + m;
        if (uid is { } u) yield return "uid=" + u.ToString(CultureInfo.InvariantCulture);
        if (gid is { } g) yield return "gid=" + g.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>key=value</c> fields of a mount, in BuildKit's documented order.</summary>
    internal static IEnumerable<string> MountFields(DockerfileSyntax syntax, RunMount mount)
    {
        string V(Expandable value) => syntax.FlagWord(value);
        switch (mount)
        {
            case CacheMount cache:
                yield return "type=cache";
                yield return "target=" + V(cache.Target.Value);
                if (cache.Id is { } id) yield return "id=" + V(id);
                if (cache.Sharing is { } sharing) yield return "sharing=" + sharing.ToString().ToLowerInvariant();
                if (cache.From is { } from) yield return "from=" + DockerfileEmitter.FromText(from);
                if (cache.Source is { } source) yield return "source=" + V(source.Value);
                foreach (var field in Ownership(cache.Mode, cache.Uid, cache.Gid)) yield return field;
                if (cache.ReadOnly) yield return "ro";
                break;
            case SecretMount secret:
                yield return "type=secret";
                yield return "id=" + secret.Id.Id;
                if (secret.Target is { } target) yield return "target=" + V(target.Value);
                if (secret.Env is { } env) yield return "env=" + env;
                if (secret.Required) yield return "required=true";
                foreach (var field in Ownership(secret.Mode, secret.Uid, secret.Gid)) yield return field;
                break;
            case SshMount ssh:
                yield return "type=ssh";
                if (ssh.Id is { } sshId) yield return "id=" + V(sshId);
                if (ssh.Target is { } sshTarget) yield return "target=" + V(sshTarget.Value);
                if (ssh.Required) yield return "required=true";
                foreach (var field in Ownership(ssh.Mode, ssh.Uid, ssh.Gid)) yield return field;
                break;
            case BindMount bind:
                yield return "type=bind";
                yield return "target=" + V(bind.Target.Value);
                if (bind.Source is { } bindSource) yield return "source=" + V(bindSource.Value);
                if (bind.From is { } bindFrom) yield return "from=" + DockerfileEmitter.FromText(bindFrom);
                if (bind.ReadWrite) yield return "rw";
                break;
            case TmpfsMount tmpfs:
                yield return "type=tmpfs";
                yield return "target=" + V(tmpfs.Target.Value);
                if (tmpfs.Size is { } size) yield return "size=" + size.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                throw new InvalidOperationException("unknown mount");
        }
    }

    protected override void Check(DockerfileValidator.Scope scope, RunMount mount)
    {
        var site = scope.Site;
        var type = mount.GetType().Name.Replace("Mount", "", StringComparison.Ordinal).ToLowerInvariant();
        var slot = $"--mount type={type}";
        switch (mount)
        {
            case CacheMount cache:
                site.MountValue($"{slot} target", cache.Target.Value, cache.Target);
                if (cache.Id is { } id) site.MountValue($"{slot} id", id, null);
                if (cache.Source is { } source) site.MountValue($"{slot} source", source.Value, source);
                scope.Source($"{slot} from", cache.From);
                break;
            case SecretMount secret:
                site.Value($"{slot} id", secret.Id);
                if (secret.Target is { } target) site.MountValue($"{slot} target", target.Value, target);
                if (secret.Env is { } env && VariableName.Check(env, "secret env name") is { } problem) site.Add($"{slot} env", problem.Message, problem.Fix);
                break;
            case SshMount ssh:
                if (ssh.Id is { } sshId) site.MountValue($"{slot} id", sshId, null);
                if (ssh.Target is { } sshTarget) site.MountValue($"{slot} target", sshTarget.Value, sshTarget);
                break;
            case BindMount bind:
                site.MountValue($"{slot} target", bind.Target.Value, bind.Target);
                if (bind.Source is { } bindSource) site.MountValue($"{slot} source", bindSource.Value, bindSource);
                scope.Source($"{slot} from", bind.From);
                break;
            case TmpfsMount tmpfs:
                site.MountValue($"{slot} target", tmpfs.Target.Value, tmpfs.Target);
                if (tmpfs.Size is <= 0) site.Add($"{slot} size", "The tmpfs size must be positive.", "give the size in bytes, or leave it out.");
                break;
        }
    }

    protected override void RequireFrontend(BuilderProfile frontend, DockerfileValidator.Site site, RunMount mount)
    {
        BuildahFeatures.Require(frontend, site, "--mount", mount switch
        {
            CacheMount => BuilderFeature.RunMountCache,
            BindMount => BuilderFeature.RunMountBind,
            TmpfsMount => BuilderFeature.RunMountTmpfs,
            SshMount => BuilderFeature.RunMountSsh,
            SecretMount { Env: not null } => BuilderFeature.RunMountSecretEnv,
            _ => BuilderFeature.RunMountSecret,
        });
    }

    protected override string ToCSharp(CSharpModel model, RunMount mount) => mount switch
    {
        CacheMount cache => CSharpModel.Factory("Mount.Cache", model.Value(cache.Target.Value),
            ("id", cache.Id is { } id ? CSharpText.String(id) : null),
            ("sharing", cache.Sharing is { } sharing ? "CacheSharing." + sharing : null),
            ("mode", cache.Mode is { } mode ? CSharpModel.PermissionsOf(mode) : null),
            ("uid", CSharpModel.Int(cache.Uid)), ("gid", CSharpModel.Int(cache.Gid)),
            ("from", cache.From is { } from ? model.SourceOf(from) : null),
            ("source", cache.Source is { } source ? model.Value(source.Value, cast: true) : null),
            ("readOnly", cache.ReadOnly ? "true" : null)),
        SecretMount secret => CSharpModel.Factory("Mount.Secret", $"new SecretId({CSharpText.String(secret.Id.Id)})",
            ("target", secret.Target is { } target ? model.Value(target.Value, cast: true) : null),
            ("env", secret.Env is { } env ? CSharpText.String(env) : null),
            ("required", secret.Required ? "true" : null),
            ("mode", secret.Mode is { } mode ? CSharpModel.PermissionsOf(mode) : null),
            ("uid", CSharpModel.Int(secret.Uid)), ("gid", CSharpModel.Int(secret.Gid))),
        SshMount ssh => CSharpModel.Factory("Mount.Ssh", null,
            ("id", ssh.Id is { } id ? CSharpText.String(id) : null),
            ("target", ssh.Target is { } target ? model.Value(target.Value, cast: true) : null),
            ("required", ssh.Required ? "true" : null),
            ("mode", ssh.Mode is { } mode ? CSharpModel.PermissionsOf(mode) : null),
            ("uid", CSharpModel.Int(ssh.Uid)), ("gid", CSharpModel.Int(ssh.Gid))),
        BindMount bind => CSharpModel.Factory("Mount.Bind", model.Value(bind.Target.Value, cast: true),
            ("source", bind.Source is { } source ? model.Value(source.Value, cast: true) : null),
            ("from", bind.From is { } from ? model.SourceOf(from) : null),
            ("readWrite", bind.ReadWrite ? "true" : null)),
        TmpfsMount tmpfs => CSharpModel.Factory("Mount.Tmpfs", model.Value(tmpfs.Target.Value),
            ("size", tmpfs.Size is { } size ? size.ToString(CultureInfo.InvariantCulture) + "L" : null)),
        _ => throw new NotSupportedException(mount.GetType().Name),
    };

    public override IEnumerable<ArtifactSource> ArtifactSources(RunOption option) => option switch
    {
        CacheMount { From: { } from } => [from],
        BindMount { From: { } from } => [from],
        _ => [],
    };

    /// <summary>A bind mount without from= mounts the build context (all of it without source=).</summary>
    public override IEnumerable<ContextRead> ContextReads(RunOption option) =>
        option is BindMount { From: null } bind ? [new ContextRead(bind.Source ?? new SourcePath("."), Mounted: true)] : [];

    protected override RunMount Rewrite(RunMount mount, Func<ImageReference, ImageReference> image) => mount switch
    {
        CacheMount { From: { } from } cache => cache with { From = Pinning.ImagePinning.Rewrite(from, image) },
        BindMount { From: { } from } bind => bind with { From = Pinning.ImagePinning.Rewrite(from, image) },
        _ => mount,
    };

    private static RunMount? ReadMount(string value, Dockerfile file, DockerfileReader.Context context)
    {
        var fields = CsvFields(value);
        var type = "bind";
        bool? readOnly = null;
        bool required = false;
        Expandable? target = null, source = null;
        string? from = null, id = null, env = null, sharing = null;
        FilePermissions? mode = null;
        int? uid = null, gid = null;
        long? size = null;
        foreach (var field in fields)
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? field : field[..equals]).ToLowerInvariant();
            if (equals < 0)
            {
                switch (key)
                {
                    case "readonly" or "ro": readOnly = true; continue;
                    case "readwrite" or "rw": readOnly = false; continue;
                    case "required" when type is "secret" or "ssh": required = true; continue;
                    case "required": throw new InstructionSyntaxException($"unexpected key '{key}' for mount type '{type}'");
                    default: throw new InstructionSyntaxException($"invalid field '{field}' must be a key=value pair");
                }
            }
            var text = field[(equals + 1)..];
            if (key == "from" && Regex.IsMatch(text, @"\$."))
                throw new InstructionSyntaxException($"'{key}' doesn't support variable expansion, define alias stage instead");
            var expanded = context.Analyze(text);
            var literal = expanded.LiteralText;
            switch (key)
            {
                case "type":
                    type = literal?.ToLowerInvariant() ?? "";
                    if (type is not ("bind" or "cache" or "tmpfs" or "secret" or "ssh"))
                        throw new InstructionSyntaxException($"unsupported mount type {GoText.Quote(text)}");
                    break;
                case "from": from = text; break;
                case "source" or "src": source = expanded; break;
                case "target" or "dst" or "destination": target = expanded; break;
                case "readonly" or "ro":
                    readOnly = DockerfileReader.ParseGoBool(text) ?? throw new InstructionSyntaxException($"invalid value for {key}: {text}");
                    break;
                case "readwrite" or "rw":
                    readOnly = !(DockerfileReader.ParseGoBool(text) ?? throw new InstructionSyntaxException($"invalid value for {key}: {text}"));
                    break;
                case "required":
                    if (type is not ("secret" or "ssh")) throw new InstructionSyntaxException($"unexpected key '{key}' for mount type '{type}'");
                    required = DockerfileReader.ParseGoBool(text) ?? throw new InstructionSyntaxException($"invalid value for {key}: {text}");
                    break;
                case "size":
                    if (type != "tmpfs") throw new InstructionSyntaxException($"unexpected key '{key}' for mount type '{type}'");
                    if (literal is null) return null;
                    size = RamInBytes(literal) ?? throw new InstructionSyntaxException($"invalid value for {key}: {text}");
                    break;
                case "id":
                    if (literal is null) return null;
                    id = literal;
                    break;
                case "env":
                    if (literal is null) return null;
                    env = literal;
                    break;
                case "sharing":
                    if (literal?.ToLowerInvariant() is not ("shared" or "private" or "locked"))
                        throw new InstructionSyntaxException($"unsupported sharing value {GoText.Quote(text)}");
                    sharing = literal.ToLowerInvariant();
                    break;
                case "mode":
                    if (literal is null || !TryOctal(literal, out var bits)) throw new InstructionSyntaxException($"invalid value {text} for mode");
                    if (bits > 0xFFF) return null;
                    mode = FilePermissions.FromBits(bits);
                    break;
                case "uid" or "gid":
                    if (literal is null || !uint.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                        throw new InstructionSyntaxException($"invalid value {text} for {key}");
                    if (number > int.MaxValue) return null;
                    if (key == "uid") uid = (int)number;
                    else gid = (int)number;
                    break;
                default:
                    throw new InstructionSyntaxException($"unexpected key '{key}' in '{field}'");
            }
        }

        // BuildKit's validateMount.
        if (type is "bind" or "tmpfs")
        {
            if (mode is not null) throw new InstructionSyntaxException($"mode not allowed for {GoText.Quote(type)} type mounts");
            if (uid is not null) throw new InstructionSyntaxException($"uid not allowed for {GoText.Quote(type)} type mounts");
            if (gid is not null) throw new InstructionSyntaxException($"gid not allowed for {GoText.Quote(type)} type mounts");
        }
        if (type == "secret")
        {
            if (from is not null) throw new InstructionSyntaxException("secret mount should not have a from");
            if (sharing is not null) throw new InstructionSyntaxException("secret mount should not define sharing");
            if (source is null && target is null && id is null) throw new InstructionSyntaxException("invalid secret mount. one of source, target required");
            if (source is not null && id is not null) throw new InstructionSyntaxException("both source and id can't be set");
        }
        if (sharing is not null && type != "cache") throw new InstructionSyntaxException($"invalid cache sharing set for {type} mount");

        ArtifactSource? fromSource = null;
        if (from is not null && (fromSource = DockerfileReader.ReadSource(from, file, context)) is null) return null;

        // The model's mounts: anything a type does not hold keeps the instruction raw.
        switch (type)
        {
            case "bind":
                if (target is not { } bindTarget || id is not null || env is not null) return null;
                return new BindMount(bindTarget) { Source = source is { } s ? new SourcePath(s) : (SourcePath?)null, From = fromSource, ReadWrite = readOnly == false };
            case "cache":
                if (target is not { } cacheTarget || env is not null) return null;
                return new CacheMount(cacheTarget)
                {
                    Id = id, From = fromSource, Source = source is { } cs ? new SourcePath(cs) : (SourcePath?)null, Mode = mode, Uid = uid, Gid = gid,
                    ReadOnly = readOnly == true,
                    Sharing = sharing switch { "shared" => CacheSharing.Shared, "private" => CacheSharing.Private, "locked" => CacheSharing.Locked, _ => null },
                };
            case "tmpfs":
                if (target is not { } tmpfsTarget || source is not null || fromSource is not null || id is not null || env is not null || readOnly == true) return null;
                return new TmpfsMount(tmpfsTarget) { Size = size };
            case "secret":
                if (id is null || source is not null || readOnly == false) return null;
                return new SecretMount(new SecretId(id))
                {
                    Target = target is { } secretTarget ? new AbsolutePath(secretTarget) : (AbsolutePath?)null, Env = env, Required = required, Mode = mode, Uid = uid, Gid = gid,
                };
            default: // ssh
                if (source is not null || fromSource is not null || env is not null || readOnly == false) return null;
                return new SshMount
                {
                    Id = id, Target = target is { } sshTarget ? new AbsolutePath(sshTarget) : (AbsolutePath?)null, Required = required, Mode = mode, Uid = uid, Gid = gid,
                };
        }
    }

    private static bool TryOctal(string text, out int bits)
    {
        bits = 0;
        if (text.Length == 0 || text.Length > 11 || !text.All(c => c is >= '0' and <= '7')) return false;
        var value = Convert.ToInt64(text, 8);
        if (value > uint.MaxValue) return false;
        bits = (int)Math.Min(value, int.MaxValue);
        return true;
    }

    /// <summary>One CSV record as Go's encoding/csv reads it: quoted fields may hold commas, <c>""</c> is a quote.</summary>
    internal static List<string> CsvFields(string text)
    {
        if (text.Length == 0) throw new InstructionSyntaxException("failed to parse csv mounts: EOF");
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            var field = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new InstructionSyntaxException("failed to parse csv mounts: extraneous or missing \" in quoted-field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',') throw new InstructionSyntaxException("failed to parse csv mounts: extraneous or missing \" in quoted-field");
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    if (text[i] == '"') throw new InstructionSyntaxException("failed to parse csv mounts: bare \" in non-quoted-field");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            if (i >= text.Length) return fields;
            i++; // the comma
        }
    }

    /// <summary>go-units RAMInBytes: a number with an optional binary unit (k, m, g, t, p; optional i and b).</summary>
    private static long? RamInBytes(string text)
    {
        var match = RamSize().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
        var unit = match.Groups[2].Value.ToLowerInvariant();
        var multiplier = unit switch { "k" => 1L << 10, "m" => 1L << 20, "g" => 1L << 30, "t" => 1L << 40, "p" => 1L << 50, _ => 1L };
        var bytes = number * multiplier;
        return bytes is >= 0 and < long.MaxValue ? (long)bytes : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?\z")]
    private static partial Regex RamSize();
}
