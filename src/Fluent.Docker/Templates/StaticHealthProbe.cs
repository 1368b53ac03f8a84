namespace Fluent.Docker.Templates;

/// <summary>
/// The health probe for images without a shell (scratch, distroless): a small Go program, written into the Dockerfile
/// (<c>COPY &lt;&lt;EOF</c>), compiled statically in its own stage on <c>$BUILDPLATFORM</c> for the target platform and
/// copied to <see cref="Path"/>. Standard library only (nothing is downloaded) and raw syscalls rather than package
/// <c>net</c>, so it adds about 1.2 MB to the image; it runs only while probing.
/// </summary>
internal static class StaticHealthProbe
{
    /// <summary>Where the probe lives in the runtime image.</summary>
    public const string Path = "/usr/local/bin/health-probe";

    private const string StageName = "health-probe";

    /// <summary>The stage that compiles the probe with the Go toolchain <paramref name="goImage"/>; it writes <c>/out/health-probe</c>.</summary>
    public static Stage BuildStage(ImageReference goImage) =>
        Stage.Named(StageName).From(goImage, Platform.BuildPlatform)
            .Arg(BuildArg.TargetOs)
            .Arg(BuildArg.TargetArch)
            .Workdir("/probe")
            .CopyContent("/probe/main.go", Source)
            .Run("CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags=\"-s -w\" -o /out/health-probe main.go",
                CacheMounts.GoBuild.Mount());

    /// <summary>Copies the probe from <paramref name="probeStage"/> into <paramref name="runtime"/>.</summary>
    public static Stage CopyInto(Stage runtime, Stage probeStage) => runtime.CopyFrom(probeStage, "/out/health-probe", Path);

    /// <summary>The program: <c>health-probe tcp PORT</c> or <c>health-probe http PORT PATH</c>.</summary>
    internal const string Source = """
        // health-probe: exits 0 when 127.0.0.1:PORT accepts a TCP connection (tcp PORT), or answers GET PATH with 2xx or 3xx
        // (http PORT PATH). Written by Fluent.Docker's templates for images without a shell; standard library only, raw
        // syscalls rather than package net to stay small.
        package main

        import (
        	"os"
        	"syscall"
        )

        func port(text string) int {
        	n := 0
        	for _, c := range text {
        		if c < '0' || c > '9' {
        			return -1
        		}
        		n = n*10 + int(c-'0')
        	}
        	if n < 1 || n > 65535 {
        		return -1
        	}
        	return n
        }

        func main() {
        	if len(os.Args) < 3 || (os.Args[1] != "tcp" && !(os.Args[1] == "http" && len(os.Args) == 4)) {
        		os.Stderr.WriteString("usage: health-probe tcp PORT | http PORT PATH\n")
        		os.Exit(2)
        	}
        	p := port(os.Args[2])
        	if p < 0 {
        		os.Exit(2)
        	}
        	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
        	if err != nil {
        		os.Exit(1)
        	}
        	timeout := syscall.Timeval{Sec: 4}
        	syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &timeout)
        	syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_SNDTIMEO, &timeout)
        	if err := syscall.Connect(fd, &syscall.SockaddrInet4{Port: p, Addr: [4]byte{127, 0, 0, 1}}); err != nil {
        		os.Exit(1)
        	}
        	if os.Args[1] == "tcp" {
        		return
        	}
        	request := "GET " + os.Args[3] + " HTTP/1.0\r\nHost: 127.0.0.1:" + os.Args[2] + "\r\nConnection: close\r\n\r\n"
        	if _, err := syscall.Write(fd, []byte(request)); err != nil {
        		os.Exit(1)
        	}
        	// "HTTP/1.1 200": healthy on 2xx and 3xx, as Kubernetes' httpGet probe.
        	status := make([]byte, 12)
        	n := 0
        	for n < len(status) {
        		m, err := syscall.Read(fd, status[n:])
        		if err != nil || m <= 0 {
        			break
        		}
        		n += m
        	}
        	if n < len(status) || string(status[:5]) != "HTTP/" || status[9] < '2' || status[9] > '3' {
        		os.Exit(1)
        	}
        }
        """ + "\n";
}
