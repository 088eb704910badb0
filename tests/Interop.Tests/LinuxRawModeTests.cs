// Raw SCMI messages from inside the guest (/sys/kernel/debug/scmi/0/raw/message): every probe of the catalogue
// gets the reply the spec demands, and nothing makes the platform stop answering.
using Interop.Tests.Boot;
using Interop.Tests.Raw;
using ScmiPlatform.Scmi;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxRawModeTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    /// <summary>Probe names, from the same description the fixture boots with (one test case each).</summary>
    public static IEnumerable<object[]> Probes() =>
        DescriptionData.Names(d => RawCatalogue.For(d, Guest.GuestActions.For(d)).Checks.Select(c => c.Name));

    [LinuxTheory]
    [MemberData(nameof(Probes))]
    public void LinuxRawProbeGetsTheSpecReply(string probe)
    {
        RawCheck check = Run.Catalogue[probe];
        Assert.True(Run.Raw.TryGetValue(probe, out RawExchange? exchange), $"the guest did not report probe {probe} (it skips the rest after three probes in a row get no reply, or it stopped)");
        Assert.Equal(0, exchange.WriteExitCode);
        Assert.True(exchange.Reply is not null, $"no reply within the guest's timeout (rule: {check.Rule})");
        Assert.True(exchange.Reply.Length >= 8, $"reply shorter than header + status: {Convert.ToHexString(exchange.Reply)}");

        int index = Run.Catalogue.Checks.ToList().IndexOf(check);
        uint expectedHeader = ScmiRequest.Header(check.Request.Protocol, check.Request.MessageId, RawCatalogue.TokenOf(index));
        Assert.Equal(expectedHeader.ToString("x8"), exchange.Header!.Value.ToString("x8"));

        ScmiStatus status = ScmiStatusCodes.Decode(exchange.Status!.Value);
        Assert.True(check.Accepts(status),
            $"{check.Rule}: expected {ScmiStatusCodes.SpecName(check.Expected)}{(check.AlsoAccepted is { } also ? " or " + ScmiStatusCodes.SpecName(also) : "")}, "
            + $"got {ScmiStatusCodes.SpecName(status)} ({exchange.Status}); request {Convert.ToHexString(check.Request.Encode(RawCatalogue.TokenOf(index)))}, "
            + $"reply {Convert.ToHexString(exchange.Reply)}");
        if (status != ScmiStatus.Success)
        {
            // checklist "Message format": a reply that is not SUCCESS is header + status only.
            Assert.True(exchange.Payload.Length == 0, $"an error reply carries {exchange.Payload.Length} bytes after the status");
            return;
        }
        if (check.Reply is { } inspect)
        {
            string? problem = Inspect(inspect, exchange.Payload.ToArray());
            Assert.True(problem is null, $"{check.Rule}: {problem}; reply {Convert.ToHexString(exchange.Reply)}");
        }
        if (check.Async)
            AssertDelayedResponse(check, exchange, expectedHeader);
        if (check.ExpectsNotification)
            AssertNotification(check, exchange);
    }

    // DEN0056 §4.1.2: a notification has type 3, its own message id and the protocol; no status word
    // (raw/notification hands back the header and the payload).
    private static void AssertNotification(RawCheck check, RawExchange exchange)
    {
        (byte messageId, Func<ReplyReader, string?> payload) = check.Notification
            ?? throw new InvalidOperationException($"probe {check.Name} expects a notification but describes none");
        Assert.True(exchange.Notification is not null, $"no notification within the guest's timeout (rule: {check.Rule})");
        byte[] notification = exchange.Notification;
        Assert.True(notification.Length >= 4, $"notification shorter than a header: {Convert.ToHexString(notification)}");
        const uint NotificationType = 3u << 8;
        uint expected = messageId | NotificationType | (uint)check.Request.Protocol << 10;
        const uint TokenMask = 0x3FFu << 18;
        Assert.Equal(expected.ToString("x8"), (BitConverter.ToUInt32(notification, 0) & ~TokenMask).ToString("x8"));
        string? problem = Inspect(payload, notification[4..]);
        Assert.True(problem is null, $"{check.Rule}: notification {problem}; {Convert.ToHexString(notification)}");
    }

    // DEN0056 §4.1.2: a delayed response has type 2 and the command's message id, protocol and token;
    // like every reply, status first, then the return values.
    private static void AssertDelayedResponse(RawCheck check, RawExchange exchange, uint commandHeader)
    {
        Assert.True(exchange.Delayed is not null, $"no delayed response within the guest's timeout (rule: {check.Rule})");
        byte[] delayed = exchange.Delayed;
        Assert.True(delayed.Length >= 8, $"delayed response shorter than header + status: {Convert.ToHexString(delayed)}");
        const uint DelayedResponseType = 2u << 8;
        Assert.Equal((commandHeader | DelayedResponseType).ToString("x8"), BitConverter.ToUInt32(delayed, 0).ToString("x8"));
        ScmiStatus status = ScmiStatusCodes.Decode(BitConverter.ToInt32(delayed, 4));
        Assert.True(status == ScmiStatus.Success,
            $"{check.Rule}: delayed response status {ScmiStatusCodes.SpecName(status)} ({BitConverter.ToInt32(delayed, 4)}); delayed response {Convert.ToHexString(delayed)}");
        if (check.Delayed is { } inspect)
        {
            string? problem = Inspect(inspect, delayed[8..]);
            Assert.True(problem is null, $"{check.Rule}: delayed response {problem}; {Convert.ToHexString(delayed)}");
        }
    }

    private static string? Inspect(Func<ReplyReader, string?> inspect, byte[] returnValues)
    {
        try
        {
            return inspect(new ReplyReader(returnValues));
        }
        catch (ReplyTooShortException e)
        {
            return e.Message;
        }
    }

    [LinuxFact]
    public void LinuxMessageAttributesAgreeWithDispatch()
    {
        // DEN0056 §4.2.2.3 (and each protocol's PROTOCOL_MESSAGE_ATTRIBUTES): NOT_FOUND exactly for the messages
        // the platform does not implement.
        var disagreements = new List<string>();
        var dispatchProbes = Run.Catalogue.Checks.Where(c => c.Name.Contains(".dispatch.")).ToList();
        Assert.NotEmpty(dispatchProbes);
        foreach (RawCheck dispatch in dispatchProbes)
        {
            string attributesName = CommonProbes.MessageAttributesProbe(dispatch.Request.Protocol, dispatch.Request.MessageId);
            if (!Run.Raw.TryGetValue(dispatch.Name, out RawExchange? sent) || !Run.Raw.TryGetValue(attributesName, out RawExchange? asked)
                || sent.Status is not { } sentStatus || asked.Status is not { } askedStatus)
            {
                disagreements.Add($"{dispatch.Name}: no reply to compare");
                continue;
            }
            bool absentByAttributes = askedStatus == (int)ScmiStatus.NotFound;
            bool absentByDispatch = sentStatus == (int)ScmiStatus.NotFound;
            if (absentByAttributes != absentByDispatch)
            {
                disagreements.Add($"message 0x{dispatch.Request.MessageId:x2} of protocol 0x{dispatch.Request.Protocol:x2}: "
                    + $"PROTOCOL_MESSAGE_ATTRIBUTES answered {ScmiStatusCodes.SpecName(ScmiStatusCodes.Decode(askedStatus))}, "
                    + $"the message itself {ScmiStatusCodes.SpecName(ScmiStatusCodes.Decode(sentStatus))}");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [LinuxFact]
    public void LinuxRawModeIsAvailable()
    {
        Assert.DoesNotContain(Run.Console.Section("raw"), line => line.StartsWith("raw-mode-missing"));
        Assert.Equal(Run.Catalogue.Checks.Count, Run.Raw.Count);
    }

    [LinuxFact]
    public void LinuxPlatformAnswersEveryCommandOfABurst()
    {
        // virtio 1.3 §5.17.6.1: the device may process cmdq buffers out of order, but must process all of them.
        IReadOnlyList<ScmiRequest> burst = Run.Catalogue.Burst;
        Assert.Equal(burst.Count, Run.BurstReplies.Count);
        Assert.DoesNotContain(null, Run.BurstReplies);
        var byHeader = Run.BurstReplies.Select(r => r!).Where(r => r.Length >= 8).ToLookup(r => BitConverter.ToUInt32(r, 0));
        for (int i = 0; i < burst.Count; i++)
        {
            uint header = ScmiRequest.Header(burst[i].Protocol, burst[i].MessageId, (ushort)(RawCatalogue.FirstBurstToken + i));
            byte[] reply = Assert.Single(byHeader[header]);
            Assert.Equal(0, BitConverter.ToInt32(reply, 4));
        }
    }

    [LinuxFact]
    public void LinuxSeesNoReplyItCannotMatch()
    {
        Assert.True(Run.UnmatchedReplies.Count == 0, "replies Linux could not match to a request (raw/errors):\n" + string.Join('\n', Run.UnmatchedReplies));
    }

    [LinuxFact]
    public void LinuxPlatformStillAnswersAfterEveryProbe()
    {
        Assert.True(Run.Raw.TryGetValue(RawCatalogue.LivenessProbe, out RawExchange? last) && last.Status == 0,
            "the last well-formed request got no SUCCESS reply");
        Assert.True(Run.DaemonAliveAfterBoot, "the platform daemon exited while the guest ran:\n" + string.Join('\n', Run.DaemonLines.TakeLast(30)));
    }

    [LinuxFact]
    public void LinuxPlatformDaemonExitsCleanlyOnSigterm()
    {
        Assert.True(Run.DaemonExitCode is not null, "the platform daemon ignored SIGTERM for 10 s and was killed");
        Assert.Equal(0, Run.DaemonExitCode);
    }
}
