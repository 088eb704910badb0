// qemu-virt's console receive path: the PL011's receive interrupt (INTID 33) moves typed bytes into ConsoleInput.
namespace Nano.Runtime.Native;

/// <summary>
/// PL011 UART0 receive by interrupt. Registers (PL011 TRM DDI0183, §3.2), offsets from Pl011Base:
/// 0x00 DR, 0x18 FR, 0x30 CR, 0x38 IMSC, 0x44 ICR. Transmit stays polled in the shim.
/// </summary>
internal sealed class ConsoleReceiver : InterruptHandler
{
    private const ulong Data = BoardMap.Pl011Base + 0x00;
    private const ulong Flags = BoardMap.Pl011Base + 0x18;
    private const ulong Control = BoardMap.Pl011Base + 0x30;
    private const ulong InterruptMask = BoardMap.Pl011Base + 0x38;
    private const ulong InterruptClear = BoardMap.Pl011Base + 0x44;

    private const uint ReceiveFifoEmpty = 1u << 4;                          // FR.RXFE
    private const uint Enabled = (1u << 0) | (1u << 8) | (1u << 9);         // CR.UARTEN | TXE | RXE
    private const uint ReceiveInterrupts = (1u << 4) | (1u << 6);           // RXIM | RTIM (receive, receive timeout)
    private const uint ReceiveTimeout = 1u << 6;                            // RTIC
    private const int MostBytesPerInterrupt = 64;

    /// <summary>Enables the receiver and its interrupt (level: asserted while received data waits). Context: thread, bring-up.</summary>
    public static void Start()
    {
        var receiver = new ConsoleReceiver();
        // PL011 TRM §3.3.8: UARTEN, TXE and RXE must all be set for the UART to receive (transmit keeps working).
        Mmio.Write32(Control, Mmio.Read32(Control) | Enabled);
        // The receive interrupt itself is not cleared here: a byte that arrived before now must still raise it
        // (it is lowered by reading DR, PL011 TRM §3.4.2), or the FIFO would stay full and nothing more arrive.
        Interrupts.Register(BoardMap.Pl011Intid, receiver);
        Interrupts.Configure(BoardMap.Pl011Intid, InterruptTrigger.Level);
        Mmio.Write32(InterruptMask, Mmio.Read32(InterruptMask) | ReceiveInterrupts);
        Interrupts.Enable(BoardMap.Pl011Intid);
    }

    /// <summary>Drains the receive FIFO into <see cref="ConsoleInput"/>; reading DR lowers the receive interrupt, only the timeout is cleared by ICR. Context: IRQ.</summary>
    public override void OnInterrupt(uint intid)
    {
        // Bounded, so a peer that never stops sending cannot hold the core in IRQ context.
        for (int i = 0; i < MostBytesPerInterrupt && (Mmio.Read32(Flags) & ReceiveFifoEmpty) == 0; i++)
            ConsoleInput.Push((byte)Mmio.Read32(Data));
        Mmio.Write32(InterruptClear, ReceiveTimeout);
    }
}
