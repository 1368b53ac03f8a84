namespace Fluent.Docker.Tests.Fuzz;

/// <summary>One generated value in the three shapes slots take: plain text, an expandable value, a word list.</summary>
internal sealed record FuzzInput(string Text, Expandable Value, string[] Words, string Name, TimeSpan Duration);

/// <summary>A typed slot of the model and how a value fills it: the instruction that carries the value there.</summary>
internal sealed record FuzzSlot(string Name, Func<FuzzInput, Instruction> Build);

/// <summary>Every typed slot an instruction has, each fed the generated value.</summary>
internal static class FuzzSlots
{
    private static readonly Stage Empty = Stage.Named("x").FromScratch();

    private static Instruction One(Func<Stage, Stage> build) => build(Empty).Instructions[^1];

    private static Expandable Absolute(Expandable value) => Expandable.Literal("/") + value;

    public static IReadOnlyList<FuzzSlot> All { get; } =
    [
        new("ENV value", v => One(s => s.Env("FUZZ", v.Value))),
        new("ENV name", v => One(s => s.Env(v.Name, "x"))),
        new("LABEL key", v => One(s => s.Label(v.Text, "x"))),
        new("LABEL value", v => One(s => s.Label("fuzz", v.Value))),
        new("ARG default", v => One(s => s.Arg(new BuildArg("FUZZ", v.Value)))),
        new("ARG name", v => One(s => s.Arg(new BuildArg(v.Name)))),
        new("WORKDIR", v => One(s => s.Workdir(Absolute(v.Value)))),
        new("USER", v => One(s => s.User(UserSpec.Named(v.Value)))),
        new("USER group", v => One(s => s.User(UserSpec.Named("app", v.Value)))),
        new("COPY source", v => One(s => s.Copy(new SourcePath(v.Value), "/dst/"))),
        new("COPY destination", v => One(s => s.Copy("src", new ContainerPath(v.Value)))),
        new("COPY --chown", v => One(s => s.Copy("src", "/dst/", new CopyOptions { Chown = UserSpec.Named(v.Value) }))),
        new("COPY --exclude", v => One(s => s.Copy("src", "/dst/", new CopyOptions { Exclude = ValueList.Of(v.Text) }))),
        new("COPY --from image", v => One(s => s.CopyFrom(ImageReferenceOf(v.Name), "/src", "/dst/"))),
        new("COPY content", v => One(s => s.CopyContent("/etc/fuzz", v.Text))),
        new("COPY content expanded", v => new CopyContentInstruction("/etc/fuzz", v.Text, CopyOptions.None) { Expand = true }),
        new("COPY content destination", v => One(s => s.CopyContent(new ContainerPath(v.Value), "x\n"))),
        new("ADD source", v => One(s => s.Add(new AddSource.Local(v.Value), "/dst/"))),
        new("ADD url", v => One(s => s.Add(new AddSource.Url(new Uri((v.Name.Length % 3 == 0 ? "ftp" : "https") + "://example.com/" + Uri.EscapeDataString(v.Name))), "/dst/"))),
        new("ADD git ref", v => One(s => s.Add(new AddSource.Git("https://github.com/moby/buildkit.git", v.Name), "/src"))),
        new("RUN shell", v => One(s => s.Run(v.Text))),
        new("RUN exec", v => One(s => s.RunExec(v.Words))),
        new("RUN script", v => One(s => s.RunScript(v.Text))),
        new("CMD exec", v => One(s => s.Cmd(v.Words))),
        new("CMD shell", v => One(s => s.CmdShell(v.Text))),
        new("ENTRYPOINT exec", v => One(s => s.Entrypoint(v.Words))),
        new("ENTRYPOINT shell", v => One(s => s.EntrypointShell(v.Text))),
        new("SHELL", v => One(s => s.Shell(v.Words))),
        new("HEALTHCHECK exec", v => One(s => s.Healthcheck(Healthcheck.Exec(v.Words).WithInterval(v.Duration)))),
        new("HEALTHCHECK shell", v => One(s => s.Healthcheck(Healthcheck.Shell(v.Text).WithTimeout(v.Duration)))),
        new("VOLUME", v => One(s => s.Volume(Absolute(v.Value)))),
        new("STOPSIGNAL", v => One(s => s.StopSignal(Signal.Named(v.Name)))),
        new("mount cache target", v => One(s => s.Run("true", Mount.Cache(Absolute(v.Value))))),
        new("mount cache id", v => One(s => s.Run("true", Mount.Cache("/c", id: v.Name)))),
        new("mount bind target", v => One(s => s.Run("true", Mount.Bind(new ContainerPath(v.Value))))),
        new("mount bind source", v => One(s => s.Run("true", Mount.Bind("/b", source: new SourcePath(v.Value))))),
        new("mount secret id", v => One(s => s.Run("true", Mount.Secret(new SecretId(v.Name))))),
        new("mount secret target", v => One(s => s.Run("true", Mount.Secret(new SecretId("s"), target: Absolute(v.Value))))),
        new("mount secret env", v => One(s => s.Run("true", Mount.Secret(new SecretId("s"), env: v.Name)))),
        new("mount ssh id", v => One(s => s.Run("true", Mount.Ssh(id: v.Name)))),
        new("mount tmpfs target", v => One(s => s.Run("true", Mount.Tmpfs(Absolute(v.Value))))),
        new("ONBUILD RUN", v => One(s => s.OnBuild(t => t.Run(v.Text)))),
        new("ONBUILD ENV", v => One(s => s.OnBuild(t => t.Env("FUZZ", v.Value)))),
        new("ONBUILD COPY", v => One(s => s.OnBuild(t => t.Copy(new SourcePath(v.Value), "/dst/")))),
    ];

    private static ImageReference ImageReferenceOf(string text) => text;
}
