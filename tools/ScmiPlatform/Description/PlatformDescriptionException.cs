// A description file that cannot be used, with the field at fault named.
namespace ScmiPlatform.Description;

/// <summary>Raised by the loader; <see cref="Field"/> is a path such as <c>sensors[2].scale</c>.</summary>
public sealed class PlatformDescriptionException : Exception
{
    /// <summary>Creates the error for <paramref name="field"/>.</summary>
    public PlatformDescriptionException(string field, string problem)
        : base(field.Length == 0 ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Path of the offending field ("" for the whole file).</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
