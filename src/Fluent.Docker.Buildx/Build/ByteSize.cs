using System.Globalization;

namespace Fluent.Docker.Build;

/// <summary>
/// A size in bytes as buildx reads it for <c>--shm-size</c> (docker's <c>RAMInBytes</c>: binary units, <c>64m</c> is
/// 64 MiB). Renders in the largest unit that divides it exactly, so <c>64m</c> reads back as written.
/// </summary>
public readonly record struct ByteSize
{
    private static readonly (char Suffix, long Factor)[] Units = [('g', 1L << 30), ('m', 1L << 20), ('k', 1L << 10)];

    private ByteSize(long bytes) => Bytes = bytes;

    public long Bytes { get; }

    public static ByteSize FromBytes(long bytes) => new(bytes);
    public static ByteSize FromKibibytes(long kibibytes) => new(checked(kibibytes * 1024));
    public static ByteSize FromMebibytes(long mebibytes) => new(checked(mebibytes * 1024 * 1024));
    public static ByteSize FromGibibytes(long gibibytes) => new(checked(gibibytes * 1024 * 1024 * 1024));

    /// <summary>
    /// Reads <c>NUMBER[UNIT]</c> with UNIT one of b, k, m, g (optionally followed by <c>b</c> or <c>ib</c>, any case),
    /// as docker does; a whole number of bytes. Throws <see cref="FormatException"/> naming the accepted form.
    /// </summary>
    public static ByteSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits])) digits++;
        var unit = trimmed[digits..].Trim().ToLowerInvariant();
        long factor = unit switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1L << 10,
            "m" or "mb" or "mib" => 1L << 20,
            "g" or "gb" or "gib" => 1L << 30,
            _ => 0,
        };
        if (digits == 0 || factor == 0 || !long.TryParse(trimmed[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > long.MaxValue / factor)
            throw new FormatException($"'{text}' is not a size. Fix: write a whole number with an optional unit b, k, m or g (binary), e.g. 64m or 1g.");
        return new(number * factor);
    }

    /// <summary>The size as buildx reads it, e.g. <c>64m</c>, <c>1g</c>, <c>1000</c>.</summary>
    public override string ToString()
    {
        foreach (var (suffix, factor) in Units)
            if (Bytes != 0 && Bytes % factor == 0) return (Bytes / factor).ToString(CultureInfo.InvariantCulture) + suffix;
        return Bytes.ToString(CultureInfo.InvariantCulture);
    }
}
