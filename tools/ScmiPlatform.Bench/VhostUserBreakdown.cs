// Where one vhost-user round trip spends its time: timestamps on both sides of the real socket and eventfds.
using System.Diagnostics;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;

namespace ScmiPlatform.Bench;

/// <summary>
/// One request per kick through a real <see cref="VhostUserServer"/> thread, as <see cref="VhostUserScenario"/>, with
/// the model wrapped so the server thread stamps when the model starts, when it completes and when the completion
/// (reply copy, used ring, call eventfd write) returns. Stopwatch timestamps are one monotonic clock for both threads,
/// so the round trip splits into consecutive stages. Then the syscalls of the path are timed alone on one thread, and
/// an eventfd ping-pong between two threads gives the cost of one wake-up with no ring work at all.
/// Prints one "split STAGE p50 X us mean Y us" line per stage.
/// </summary>
public static class VhostUserBreakdown
{
    public static List<string> Run(IScmiDeviceModel model, int requests)
    {
        // Consecutive stages in causal order (they add up to the round trip), then two that overlap them.
        var stages = new (string Name, long[] Ticks)[]
        {
            ("frontend: post the chain (descriptors, avail ring, idx)", new long[requests]),
            ("kick to model: eventfd write, server wake-up, kick drain, memory check, chain walk, request copy", new long[requests]),
            ("server: SCMI model", new long[requests]),
            ("completion to frontend: reply copy, used ring, call eventfd write, frontend wake-up", new long[requests]),
            ("frontend: call drain, used ring read", new long[requests]),
            ("round trip", new long[requests]),
            ("overlapping: frontend inside the kick eventfd write", new long[requests]),
            ("overlapping: server inside the completion (reply copy, used ring, call write)", new long[requests]),
        };
        var timed = new TimedModel(model);
        string folder = Directory.CreateTempSubdirectory("scmi-bench-").FullName;
        string socket = Path.Combine(folder, "scmi.sock");
        var device = new ScmiVirtioDevice(timed, TransportLog.Silent);
        using (var server = new VhostUserServer(socket, device, TransportLog.Silent))
        {
            server.Listen();
            var thread = new Thread(server.Run) { IsBackground = true };
            thread.Start();
            try
            {
                using var frontend = VhostUserFrontendDouble.Connect(socket);
                DriverQueue cmdq = VhostUserScenario.StartCommandQueue(frontend);
                int call = frontend.Call[0]!.Value;
                byte[][] messages = InProcessScenarios.BaseRequests();
                for (int i = -1000; i < requests; i++) // the first thousand warm up the JIT on both sides
                {
                    long posting = Stopwatch.GetTimestamp();
                    cmdq.AddRequest(messages[(i + 1000) % messages.Length], InProcessScenarios.ReplyCapacity);
                    long posted = Stopwatch.GetTimestamp();
                    frontend.KickQueue(0);
                    long kicked = Stopwatch.GetTimestamp();
                    if (!VhostUserFrontendDouble.WaitReadable(call, 5000))
                        throw new InvalidOperationException("no call over vhost-user");
                    long woken = Stopwatch.GetTimestamp();
                    EventFd.Drain(call);
                    if (!cmdq.TryTakeUsed(out _))
                        throw new InvalidOperationException("no used element after the call");
                    long done = Stopwatch.GetTimestamp();
                    // The call may wake us before the server thread stamped the end of the completion: wait for it.
                    while (Volatile.Read(ref timed.Completions) != i + 1001)
                        Thread.SpinWait(10);
                    if (i < 0)
                        continue;
                    ReadOnlySpan<long> at = [posting, posted, timed.ModelStarted, timed.CompleteStarted, woken, done];
                    for (int s = 0; s < 5; s++)
                        stages[s].Ticks[i] = at[s + 1] - at[s];
                    stages[5].Ticks[i] = done - posting;
                    stages[6].Ticks[i] = kicked - posted;
                    stages[7].Ticks[i] = timed.CompleteReturned - timed.CompleteStarted;
                }
            }
            finally
            {
                server.Stop();
                thread.Join();
                Directory.Delete(folder, recursive: true);
            }
        }
        var lines = stages.Select(stage => Line(stage.Name, stage.Ticks)).ToList();
        lines.AddRange(Syscalls(Math.Min(requests, 20_000)));
        lines.Add(Line("eventfd ping-pong between two threads, one way", PingPong(Math.Min(requests, 20_000))));
        return lines;
    }

    /// <summary>The syscalls of the path, each alone on this thread (no waiting involved).</summary>
    private static List<string> Syscalls(int rounds)
    {
        using OwnedFd fd = EventFd.Create();
        using OwnedFd memfd = new(Libc.MemfdCreate("bench", Libc.MFD_CLOEXEC));
        var write = new long[rounds];
        var poll = new long[rounds];
        var read = new long[rounds];
        var fstat = new long[rounds];
        for (int i = 0; i < rounds; i++)
        {
            long start = Stopwatch.GetTimestamp();
            EventFd.Signal(fd.Value);
            long signalled = Stopwatch.GetTimestamp();
            VhostUserFrontendDouble.WaitReadable(fd.Value, 0);
            long polled = Stopwatch.GetTimestamp();
            EventFd.Drain(fd.Value);
            long drained = Stopwatch.GetTimestamp();
            Libc.FileSize(memfd.Value);
            long statted = Stopwatch.GetTimestamp();
            write[i] = signalled - start;
            poll[i] = polled - signalled;
            read[i] = drained - polled;
            fstat[i] = statted - drained;
        }
        return
        [
            Line("syscall alone: eventfd write", write),
            Line("syscall alone: poll on a ready fd", poll),
            Line("syscall alone: eventfd read", read),
            Line("syscall alone: fstat (memory check)", fstat),
        ];
    }

    /// <summary>Two threads bounce an eventfd signal (write, poll, read, as the path does): half a bounce is one wake-up.</summary>
    private static long[] PingPong(int rounds)
    {
        using OwnedFd ping = EventFd.Create();
        using OwnedFd pong = EventFd.Create();
        void Echo()
        {
            for (int i = 0; i < rounds + 100; i++)
            {
                VhostUserFrontendDouble.WaitReadable(ping.Value, 5000);
                EventFd.Drain(ping.Value);
                EventFd.Signal(pong.Value);
            }
        }
        var echo = new Thread(Echo) { IsBackground = true };
        echo.Start();
        var oneWay = new long[rounds];
        for (int i = -100; i < rounds; i++)
        {
            long start = Stopwatch.GetTimestamp();
            EventFd.Signal(ping.Value);
            VhostUserFrontendDouble.WaitReadable(pong.Value, 5000);
            EventFd.Drain(pong.Value);
            if (i >= 0)
                oneWay[i] = (Stopwatch.GetTimestamp() - start) / 2;
        }
        echo.Join();
        return oneWay;
    }

    private static string Line(string stage, long[] ticks)
    {
        long[] sorted = (long[])ticks.Clone();
        Array.Sort(sorted);
        double median = sorted[sorted.Length / 2] * 1e6 / Stopwatch.Frequency;
        double mean = sorted.Average() * 1e6 / Stopwatch.Frequency;
        return $"split {stage,-100} p50 {median,8:F2} us   mean {mean,8:F2} us";
    }

    /// <summary>The model with the server thread's timestamps around it; one reusable slot wrapper (the model completes at once).</summary>
    private sealed class TimedModel(IScmiDeviceModel inner) : IScmiDeviceModel, ICommandSlot
    {
        private ICommandSlot? _slot;
        public long ModelStarted;
        public long CompleteStarted;
        public long CompleteReturned;
        public int Completions;

        public ReadOnlySpan<byte> Request => _slot!.Request;
        public Span<byte> Reply => _slot!.Reply;

        public void Start(IEventQueue events) => inner.Start(events);

        public void OnCommand(ICommandSlot slot)
        {
            ModelStarted = Stopwatch.GetTimestamp();
            _slot = slot;
            inner.OnCommand(this);
        }

        public void Complete(int replyLength)
        {
            CompleteStarted = Stopwatch.GetTimestamp();
            _slot!.Complete(replyLength);
            CompleteReturned = Stopwatch.GetTimestamp();
            Volatile.Write(ref Completions, Completions + 1);
        }

        public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) => inner.OnMalformed(request, reply);

        public void OnEventBuffersAvailable() => inner.OnEventBuffersAvailable();

        public void Reset() => inner.Reset();
    }
}
