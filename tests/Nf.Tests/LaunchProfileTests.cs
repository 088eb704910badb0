// The QEMU command line composed from the board's real boards/qemu-virt/qemu.json (docs/conventions.md §4).
using Nf.Images;
using Nf.Qemu;
using Xunit;

namespace Nf.Tests;

public class LaunchProfileTests
{
    private static readonly LaunchProfile Profile = LaunchProfile.Load(LaunchProfile.FindRepoRoot());

    private static int IndexOfPair(IReadOnlyList<string> args, string first, string second)
    {
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == first && args[i + 1] == second)
                return i;
        }
        return -1;
    }

    [Fact]
    public void A_plain_image_gets_the_base_arguments_with_image_and_ram_filled_in()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("/out/image.elf"));

        Assert.True(IndexOfPair(args, "-kernel", "/out/image.elf") >= 0);
        Assert.True(IndexOfPair(args, "-m", "128M") >= 0);
        Assert.True(IndexOfPair(args, "-semihosting-config", "enable=on,target=native") >= 0);
        Assert.DoesNotContain(args, a => a.Contains('{'));
        Assert.DoesNotContain("virtio-mmio.force-legacy=false", args);
        Assert.DoesNotContain("-icount", args);
    }

    [Fact]
    public void One_CPU_is_the_default_and_runs_single_threaded()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf"));

        Assert.True(IndexOfPair(args, "-smp", "1") >= 0, string.Join(' ', args));
        Assert.DoesNotContain("tcg,thread=multi", args);
    }

    [Fact]
    public void Several_CPUs_set_smp_and_turn_on_multi_threaded_TCG()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf") { Cpus = 4 });

        Assert.True(IndexOfPair(args, "-smp", "4") >= 0, string.Join(' ', args));
        Assert.True(IndexOfPair(args, "-accel", "tcg,thread=multi") >= 0, string.Join(' ', args));
        Assert.Equal(1, args.Count(a => a == "-smp"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void A_CPU_count_the_board_has_no_stacks_for_is_refused(int cpus)
    {
        Assert.Contains("1..8", Assert.Throws<ArgumentException>(() => Profile.Arguments(new LaunchRequest("i.elf") { Cpus = cpus })).Message);
    }

    [Fact]
    public void Scmi_brings_shared_memory_and_its_socket_and_modern_adds_the_global()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf")
        {
            Devices = ["scmi"], Modern = true, Socket = "/tmp/s.sock", Ram = "256M",
        });

        int shared = IndexOfPair(args, "-object", "memory-backend-memfd,id=mem,size=256M,share=on");
        int modern = IndexOfPair(args, "-global", "virtio-mmio.force-legacy=false");
        int device = IndexOfPair(args, "-chardev", "socket,id=scmi0,path=/tmp/s.sock");
        Assert.True(shared >= 0 && modern > shared && device > modern, string.Join(' ', args));
        Assert.True(IndexOfPair(args, "-m", "256M") >= 0);
    }

    [Fact]
    public void Rng_needs_no_shared_memory()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf") { Devices = ["rng"] });

        Assert.Contains("virtio-rng-device", args);
        Assert.DoesNotContain(args, a => a.StartsWith("memory-backend-memfd", StringComparison.Ordinal));
    }

    [Fact]
    public void Devices_that_need_a_path_refuse_to_start_without_one()
    {
        Assert.Contains("socket", Assert.Throws<ArgumentException>(() => Profile.Arguments(new LaunchRequest("i.elf") { Devices = ["scmi"] })).Message);
        Assert.Contains("scratch", Assert.Throws<ArgumentException>(() => Profile.Arguments(new LaunchRequest("i.elf") { Devices = ["blk"] })).Message);
    }

    [Fact]
    public void An_unknown_device_is_refused_naming_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Profile.Arguments(new LaunchRequest("i.elf") { Devices = ["gpu"] }));

        Assert.Contains("'gpu'", error.Message);
        Assert.Contains("rng", error.Message);
    }

    [Fact]
    public void A_manifest_becomes_one_request_per_mode()
    {
        ImageManifest manifest = ImageManifest.Parse("""{ "name": "V", "kind": "test", "devices": ["rng"], "modes": ["legacy", "modern"] }""", "/out");

        LaunchRequest legacy = ImageBoot.Request(manifest, new BootVariant(VirtioMode.Legacy, null));
        LaunchRequest modern = ImageBoot.Request(manifest, new BootVariant(VirtioMode.Modern, null));

        Assert.False(legacy.Modern);
        Assert.True(modern.Modern);
        Assert.Equal(["rng"], modern.Devices);
        Assert.Null(modern.Profile);
        Assert.DoesNotContain("-append", Profile.Arguments(modern with { Image = "i.elf" }));
    }

    [Fact]
    public void A_profile_boot_appends_its_name_for_the_device_trees_bootargs()
    {
        ImageManifest manifest = ImageManifest.Parse("""
            { "name": "S", "kind": "test", "platformProfiles": [{ "name": "delay", "arguments": ["--seed", "7"] }] }
            """, "/out");

        LaunchRequest request = ImageBoot.Request(manifest, BootVariant.For(manifest)[0]);
        IReadOnlyList<string> args = Profile.Arguments(request);

        Assert.Equal("delay", request.Profile);
        Assert.True(IndexOfPair(args, "-append", "nf.profile=delay") > IndexOfPair(args, "-kernel", "/out/image.elf"), string.Join(' ', args));
        // The daemon's arguments are the daemon's: none of them reaches QEMU.
        Assert.DoesNotContain("--seed", args);
    }

    [Fact]
    public void Two_scmi_devices_each_connect_to_their_own_socket()
    {
        IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf")
        {
            Devices = [DeviceKeys.Scmi, DeviceKeys.Scmi2],
            Sockets = new Dictionary<string, string> { [DeviceKeys.Scmi] = "/tmp/a.sock", [DeviceKeys.Scmi2] = "/tmp/b.sock" },
        });

        int first = IndexOfPair(args, "-chardev", "socket,id=scmi0,path=/tmp/a.sock");
        int second = IndexOfPair(args, "-chardev", "socket,id=scmi1,path=/tmp/b.sock");
        Assert.True(first >= 0 && second > first, string.Join(' ', args));
        Assert.Equal(2, args.Count(a => a.StartsWith("vhost-user-scmi,", StringComparison.Ordinal)));
        Assert.Equal(1, args.Count(a => a == "memory-backend=mem"));
        Assert.Contains("scmi2", Assert.Throws<ArgumentException>(() => Profile.Arguments(new LaunchRequest("i.elf")
        {
            Devices = [DeviceKeys.Scmi, DeviceKeys.Scmi2], Socket = "/tmp/a.sock",
        })).Message);
    }

    [Fact]
    public void Every_daemon_backed_device_key_is_in_the_profile_with_its_own_socket()
    {
        foreach (string device in DeviceKeys.ScmiDevices)
        {
            IReadOnlyList<string> args = Profile.Arguments(new LaunchRequest("i.elf")
            {
                Devices = [device], Sockets = new Dictionary<string, string> { [device] = "/tmp/" + device + ".sock" },
            });
            Assert.Contains(args, a => a.Contains("path=/tmp/" + device + ".sock", StringComparison.Ordinal));
            Assert.Contains("memory-backend=mem", args);
        }
    }
}
