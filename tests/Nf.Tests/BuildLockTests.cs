// Two nf builds of one tree never run at once: the second waits for the first's lock, then goes on.
using Nf.Building;
using Xunit;

namespace Nf.Tests;

public sealed class BuildLockTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nf-lock-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_second_build_waits_until_the_first_lets_go_and_says_so()
    {
        var said = new List<string>();
        BuildLock first = await BuildLock.AcquireAsync(_work);
        Task<BuildLock> second = BuildLock.AcquireAsync(_work, said.Add);

        await Task.Delay(600);
        Assert.False(second.IsCompleted, "the second build started while the first held the lock");
        Assert.Single(said);
        Assert.Contains("waiting for another nf build", said[0]);

        first.Dispose();
        using BuildLock taken = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(said);
    }

    [Fact]
    public async Task An_uncontended_lock_is_taken_at_once_and_again_after_release()
    {
        var said = new List<string>();
        using (await BuildLock.AcquireAsync(_work, said.Add))
        {
        }
        using BuildLock again = await BuildLock.AcquireAsync(_work, said.Add);
        Assert.Empty(said);
    }
}
