namespace Fluent.Docker;

/// <summary>How <see cref="Dockerfile.Emit(EmitOptions)"/> and <see cref="Dockerfile.Format"/> lay out the text.</summary>
public sealed record EmitOptions
{
    /// <summary>The narrowest width accepted: below it every instruction would be all continuation lines.</summary>
    public const int MinWidth = 40;

    /// <summary>Width 100.</summary>
    public static EmitOptions Default { get; } = new();

    /// <summary>
    /// The columns a line may take: longer instructions are broken over continuation lines where BuildKit reads the same
    /// instruction back. A line is only longer when one word is (a long URL, a quoted script).
    /// </summary>
    public int Width
    {
        get;
        init => field = value >= MinWidth ? value
            : throw new ArgumentOutOfRangeException(nameof(Width), value, $"The width must be at least {MinWidth} columns.");
    } = 100;
}
