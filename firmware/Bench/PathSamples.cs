// Per-round figures of one path-length measurement, allocated before the seal and reused for every command.
namespace Bench;

internal sealed class PathSamples
{
    public PathSamples(int rounds)
    {
        Send = new ulong[rounds];
        Completion = new ulong[rounds];
        Agent = new ulong[rounds];
        Work = new ulong[rounds];
        Wait = new ulong[rounds];
    }

    public ulong[] Send { get; }
    public ulong[] Completion { get; }
    public ulong[] Agent { get; }
    public ulong[] Work { get; }
    public ulong[] Wait { get; }
}
