// The driver side's interrupt line and error line in tests: counts what the device raised.
using ScmiPlatform.Device;

namespace Platform.Tests.Doubles;

/// <summary>Counts used-buffer notifications and error reports (stands in for vhost-user's call and err eventfds).</summary>
public sealed class RecordingSignals : IQueueSignals
{
    private int _notifications, _errors;

    public int Notifications => Volatile.Read(ref _notifications);
    public int Errors => Volatile.Read(ref _errors);

    public void NotifyUsed() => Interlocked.Increment(ref _notifications);

    public void ReportError() => Interlocked.Increment(ref _errors);
}
