// Boots the Linux guest once for the whole suite; every test class reads the same run.
using Interop.Tests.Boot;
using Interop.Tests.Guest;
using Nf.Qemu;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Interop.Tests;

/// <summary>The suite's one shared boot (each boot costs seconds under TCG, the first run also the kernel build).</summary>
public sealed class LinuxGuestFixture(IMessageSink sink) : IAsyncLifetime
{
    private LinuxGuestRun? _run;
    private Exception? _failure;

    /// <summary>The platform description the daemon serves and the guest is checked against.</summary>
    public static string PlatformFile =>
        Environment.GetEnvironmentVariable("NF_INTEROP_PLATFORM") is { Length: > 0 } file
            ? file
            : Path.Combine(LaunchProfile.FindRepoRoot(), "tools", "ScmiPlatform", "platforms", "default.json");

    /// <summary>The run; rethrows why the boot could not happen, so every test reports it.</summary>
    public LinuxGuestRun Run => _run ?? throw new InvalidOperationException("the Linux guest did not run: " + _failure?.Message, _failure);

    public async Task InitializeAsync()
    {
        if (GuestPrerequisites.SkipReason is not null)
            return;
        try
        {
            _run = await LinuxGuestRun.BootAsync(PlatformFile, Say);
        }
        catch (Exception e)
        {
            _failure = e;
            Say("guest: the Linux guest did not run: " + e.Message);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // Shown by `dotnet test` (diagnosticMessages in xunit.runner.json): the first build is long.
    private void Say(string message) => sink.OnMessage(new DiagnosticMessage(message));
}
