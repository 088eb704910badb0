// One `dotnet build` of the tree at a time across nf processes: two builds writing the same obj/ and bin/ collide.
namespace Nf.Building;

/// <summary>
/// An exclusive lock on a file in nf's work folder, held for the length of a build. Two `./nf run` in two
/// terminals, or a test project booting the App while another does, otherwise build firmware/App at once and one of
/// them fails on files the other is writing. .NET takes <see cref="FileShare.None"/> as an advisory whole-file lock on
/// Unix (flock), released when the handle closes — also when the process dies.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <summary>Waits until no other nf process builds, then holds the lock; <paramref name="onWait"/> is told once if it has to wait.</summary>
    public static async Task<BuildLock> AcquireAsync(string workDir, Action<string>? onWait = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(workDir);
        string path = Path.Combine(workDir, "build.lock");
        bool told = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!told)
                {
                    onWait?.Invoke("waiting for another nf build of this tree to finish...");
                    told = true;
                }
                await Task.Delay(RetryEvery, cancel);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
