using System.Text.Json;
namespace Fluent.Docker.Tests.Emit;
public class TmpVerify
{
    [Fact]
    public void Write()
    {
        var dir = Environment.GetEnvironmentVariable("FD_VERIFY_DIR");
        if (dir is null) return;
        var rnd = new Random(7);
        const string alphabet = "ab  #$\\\"'`é😀<{}=,-\t";
        string R(int n) { var s = new System.Text.StringBuilder(); while (s.Length < n) { var i = rnd.Next(alphabet.Length); s.Append(char.IsSurrogate(alphabet[i]) ? "😀" : alphabet[i].ToString()); } return s.ToString(); }
        foreach (var escape in new[] { EscapeToken.Backslash, EscapeToken.Backtick })
        {
            var values = new Dictionary<string, string>
            {
                ["SMALL"] = "a $b ${c} \"q\" 'x' \\ ` é # -x <<EOF",
                ["DASH"] = "-x",
                ["EMPTY"] = "",
                ["LONG"] = R(60_000),
                ["DOLLARS"] = string.Concat(Enumerable.Repeat("$\\`a", 30_000)),
            };
            var stage = Stage.Named("app").From("busybox:1.36").Arg(new BuildArg("b", "BEE"));
            foreach (var (k, v) in values) stage = stage.Env(k, v);
            stage = stage.Label("com.example.long", values["LONG"]).Label("my key$", values["SMALL"]);
            var lit = "/m$b\\x`y<<z{w}";
            stage = stage.Workdir("/w $b\\`")
                .Copy(["$b\"q'.txt", "<<x", "2<<y"], "/c/")
                .Copy("--dash", "/c/")
                .Copy("sp ace", "/c/sp ace")
                .CopyContent("/h/empty", "")
                .CopyContent("/h/collide", "a\nEOF\nEOF1\nb\n")
                .CopyContent("/h/$b\\<<q", "x")
                .Run("ls -1A /c /h /w* > /out.txt; wc -c /h/empty /h/collide >> /out.txt; cat /h/collide >> /out.txt; pwd >> /out.txt; ls -d /m* >> /out.txt",
                    Mount.Tmpfs(lit), Mount.Cache("/cache$b\\`", id: "id$b\\`"))
                .RunExec(["/bin/sh", "-c", "echo \"$0|$1\" >> /out.txt", "a\"b\\c$d`e", "é😀"])
                .Run("cat /out.txt");
            var file = Dockerfile.Create(stage).WithEscape(escape);
            var sub = Path.Combine(dir, escape.ToString());
            Directory.CreateDirectory(sub);
            file.WriteTo(Path.Combine(sub, "Dockerfile"));
            File.WriteAllText(Path.Combine(sub, "expected.json"), JsonSerializer.Serialize(values));
            File.WriteAllText(Path.Combine(sub, "expected-labels.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["com.example.long"] = values["LONG"], ["my key$"] = values["SMALL"] }));
            foreach (var f in new[] { "$b\"q'.txt", "<<x", "2<<y", "--dash", "sp ace" }) File.WriteAllText(Path.Combine(sub, f), f + "\n");
        }
    }
}
