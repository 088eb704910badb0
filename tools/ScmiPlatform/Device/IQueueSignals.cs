// How the queue service tells the driver something happened: vhost-user's call and err eventfds.
namespace ScmiPlatform.Device;

/// <summary>The two signals a queue can raise towards the driver side.</summary>
public interface IQueueSignals
{
    /// <summary>Used-buffer notification (vhost-user: write the call eventfd).</summary>
    void NotifyUsed();

    /// <summary>The queue is unusable because the driver broke a rule (vhost-user: write the err eventfd).</summary>
    void ReportError();
}
