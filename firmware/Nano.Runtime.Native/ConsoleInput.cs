// Console input: a ring buffer the UART's receive interrupt fills and the thread empties.
using System.Threading;

namespace Nano.Runtime.Native;

/// <summary>
/// Bytes typed on the serial console. The board's UART receive interrupt is the one writer (it moves the
/// tail), the thread the one reader (it moves the head); both indices are read and written with
/// <see cref="Volatile"/> (firmware/README.md, concurrency rule 1), so neither side needs a lock.
/// A byte arriving while the buffer is full is dropped and counted.
/// </summary>
public static class ConsoleInput
{
    /// <summary>Bytes the buffer holds (a power of two, so an index wraps with a mask).</summary>
    public const int Capacity = 512;

    private static readonly byte[] Buffer = new byte[Capacity];
    private static int s_head;          // next byte the thread reads; written only by the thread
    private static int s_tail;          // next free slot; written only by the interrupt handler
    private static ulong s_received;
    private static ulong s_dropped;
    private static int s_started;

    /// <summary>True once <see cref="Start"/> has enabled the receive interrupt.</summary>
    public static bool Started => Volatile.Read(ref s_started) != 0;

    /// <summary>Bytes taken from the UART since <see cref="Start"/>.</summary>
    public static ulong Received => Volatile.Read(ref s_received);

    /// <summary>Bytes lost because the buffer was full.</summary>
    public static ulong Dropped => Volatile.Read(ref s_dropped);

    /// <summary>Bytes waiting to be read.</summary>
    public static int Available => (Volatile.Read(ref s_tail) - Volatile.Read(ref s_head)) & (Capacity - 1);

    /// <summary>Turns on the UART's receiver and its interrupt; bytes typed from now on are buffered.
    /// Idempotent. Call during bring-up (it allocates the interrupt handler). Context: thread.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0)
            return;
        _ = Buffer.Length;            // the buffer exists before the first interrupt can touch it
        ConsoleReceiver.Start();
    }

    /// <summary>Takes the oldest buffered byte. Context: thread (the one reader).</summary>
    public static bool TryRead(out byte value)
    {
        int head = Volatile.Read(ref s_head);
        if (head == Volatile.Read(ref s_tail))
        {
            value = 0;
            return false;
        }
        value = Buffer[head];
        // The slot is read before the head moves past it: the handler may refill it only after this store.
        Volatile.Write(ref s_head, (head + 1) & (Capacity - 1));
        return true;
    }

    /// <summary>Waits (sleeping until an interrupt) for a byte. Context: thread, interrupts enabled.</summary>
    public static byte Read()
    {
        byte value;
        while (!TryRead(out value))
        {
            // Masked check-then-sleep: a byte landing between the check and WFI still wakes the core,
            // since WFI wakes on a pending interrupt even while IRQs are masked.
            ulong state = Cpu.SaveAndDisable();
            if (Available == 0)
                Cpu.WaitForInterrupt();
            Cpu.Restore(state);
        }
        return value;
    }

    /// <summary>Stores one received byte. Context: the UART's interrupt handler (the one writer).</summary>
    internal static void Push(byte value)
    {
        int tail = Volatile.Read(ref s_tail);
        int next = (tail + 1) & (Capacity - 1);
        Interlocked.Increment(ref s_received);
        if (next == Volatile.Read(ref s_head))
        {
            Interlocked.Increment(ref s_dropped);
            return;
        }
        Buffer[tail] = value;
        // The byte is stored before the tail publishes it to the reader.
        Volatile.Write(ref s_tail, next);
    }
}
