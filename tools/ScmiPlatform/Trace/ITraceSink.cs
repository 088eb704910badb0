// Where decoded trace lines go (--trace): one line per message.
namespace ScmiPlatform.Trace;

/// <summary>Receives finished trace lines; must be thread-safe (replies complete on timer threads).</summary>
public interface ITraceSink
{
    /// <summary>Writes one line.</summary>
    void WriteLine(string line);
}
