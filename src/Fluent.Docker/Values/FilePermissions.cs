namespace Fluent.Docker;

/// <summary>Unix permission bits for <c>--chmod</c> and mount modes, written in octal (<c>FilePermissions.Octal("0755")</c>).</summary>
public readonly record struct FilePermissions
{
    private FilePermissions(int bits) => Bits = bits;

    public int Bits { get; }

    public static FilePermissions Octal(string octal)
    {
        if (string.IsNullOrEmpty(octal) || octal.Length > 5 || !octal.All(c => c is >= '0' and <= '7'))
            throw new DockerValueException(Problem.InvalidValue($"'{octal}' is not an octal file mode.", "write it like \"0755\" or \"644\"."));
        return new FilePermissions(Convert.ToInt32(octal, 8));
    }

    public static FilePermissions FromBits(int bits) => bits is >= 0 and <= 0xFFF
        ? new FilePermissions(bits)
        : throw new DockerValueException(Problem.InvalidValue($"{bits} is outside the Unix mode bits 0-07777.", "use FilePermissions.Octal(\"0755\")."));

    public static FilePermissions Executable { get; } = new(0x1ED); // 0755
    public static FilePermissions ReadOnly { get; } = new(0x1A4);   // 0644
    public static FilePermissions Private { get; } = new(0x180);    // 0600

    public override string ToString() => "0" + Convert.ToString(Bits, 8).PadLeft(3, '0');
}
