// Systematic interleaving: each context runs on its own thread, one at a time, switching only at the transport's interleaving points.
using Scmi.Virtio;

namespace Scmi.Tests.Doubles;

/// <summary>
/// Explores the schedules of a few contexts (interrupt handler, pollers, thread) over the transport's
/// shared words. Every <c>Interleave()</c> point in the transport is a place where the scheduler may switch
/// to another context; a depth-first search over those choices visits every schedule (or every schedule
/// with at most <c>preemptionBound</c> preemptions, CHESS-style), each from a fresh set-up.
/// </summary>
public sealed class RaceScheduler
{
    private readonly int _preemptionBound;

    public RaceScheduler(int preemptionBound = int.MaxValue) => _preemptionBound = preemptionBound;

    public int Schedules { get; private set; }
    public int LongestSchedule { get; private set; }

    /// <summary>
    /// For each schedule: <paramref name="setUp"/> builds a fresh world and returns its contexts; they run
    /// under the schedule; then <paramref name="check"/> asserts the invariants (with a description of the schedule).
    /// </summary>
    public void Explore<TWorld>(Func<TWorld> setUp, Func<TWorld, Action[]> contexts, Action<TWorld, string> check, int maxSchedules = 2_000_000)
    {
        var prefix = new List<int>();
        while (true)
        {
            TWorld world = setUp();
            List<(int Choice, int Options)> trace = RunOne(contexts(world), prefix);
            Schedules++;
            LongestSchedule = Math.Max(LongestSchedule, trace.Count);
            check(world, Describe(trace));
            if (Schedules >= maxSchedules)
                throw new InvalidOperationException($"more than {maxSchedules} schedules");
            // Next schedule: the deepest decision with an untried option, everything before it replayed.
            int depth = trace.Count - 1;
            while (depth >= 0 && trace[depth].Choice + 1 >= trace[depth].Options)
                depth--;
            if (depth < 0)
                return;
            prefix = trace.Take(depth).Select(t => t.Choice).ToList();
            prefix.Add(trace[depth].Choice + 1);
        }
    }

    private static string Describe(List<(int Choice, int Options)> trace) => string.Join("", trace.Select(t => t.Choice.ToString()));

    private List<(int Choice, int Options)> RunOne(Action[] bodies, List<int> prefix)
    {
        int count = bodies.Length;
        var go = new SemaphoreSlim[count];
        var finished = new bool[count];
        var failures = new Exception?[count];
        var controller = new SemaphoreSlim(0);
        var threads = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            int me = i;
            go[i] = new SemaphoreSlim(0);
            threads[i] = new Thread(() =>
            {
                go[me].Wait();
                ScmiVirtioTransport.InterleavingPoint = () =>
                {
                    controller.Release();
                    go[me].Wait();
                };
                try
                {
                    bodies[me]();
                }
                catch (Exception e)
                {
                    failures[me] = e;
                }
                ScmiVirtioTransport.InterleavingPoint = null;
                finished[me] = true;
                controller.Release();
            })
            { IsBackground = true };
            threads[i].Start();
        }

        var trace = new List<(int, int)>();
        int current = -1;
        int preemptions = 0;
        var options = new List<int>(count);
        while (true)
        {
            options.Clear();
            // The running context first: choice 0 always means "no switch".
            if (current >= 0 && !finished[current])
                options.Add(current);
            bool mayPreempt = options.Count == 0 || preemptions < _preemptionBound;
            if (mayPreempt)
            {
                for (int i = 0; i < count; i++)
                {
                    if (!finished[i] && i != current)
                        options.Add(i);
                }
            }
            if (options.Count == 0)
                break;
            int choice = trace.Count < prefix.Count ? prefix[trace.Count] : 0;
            trace.Add((choice, options.Count));
            int next = options[choice];
            if (current >= 0 && !finished[current] && next != current)
                preemptions++;
            current = next;
            go[next].Release();
            if (!controller.Wait(TimeSpan.FromSeconds(10)))
                throw new InvalidOperationException($"context {next} neither yielded nor finished (schedule {Describe(trace)})");
        }
        foreach (Thread thread in threads)
            thread.Join();
        foreach (Exception? failure in failures)
        {
            if (failure is not null)
                throw new InvalidOperationException($"a context threw under schedule {Describe(trace)}", failure);
        }
        return trace;
    }
}
