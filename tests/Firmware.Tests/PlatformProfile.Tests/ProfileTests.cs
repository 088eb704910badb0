// A boot under a platform profile learns the profile's name from /chosen/bootargs; the runner's own tests
// (tests/Nf.Tests PlatformProfileRunTests) check that each boot printed the name of the profile it ran under.
using System;
using Nano.TestFramework;

namespace PlatformProfile.Tests;

[TestClass]
public class ProfileTests
{
    [TestMethod]
    public void The_boot_arguments_name_the_platform_profile()
    {
        Assert.IsTrue(BootArguments.TryRead(out ReadOnlySpan<byte> arguments), "no /chosen/bootargs in the device tree");
        Assert.IsTrue(BootArguments.TryGetProfile(arguments, out ReadOnlySpan<byte> profile), "no nf.profile= in /chosen/bootargs");
        Span<char> text = stackalloc char[64];
        int length = Math.Min(profile.Length, text.Length);
        for (int i = 0; i < length; i++)
            text[i] = (char)profile[i];
        OutputHelper.Write("platform profile: ");
        OutputHelper.WriteLine(text.Slice(0, length));
        Assert.IsTrue(length > 0, "an empty profile name");
    }

    [TestMethod]
    public void A_profile_word_is_found_among_other_arguments()
    {
        Assert.IsTrue(BootArguments.TryGetProfile("console=ttyAMA0 nf.profile=delay quiet"u8, out ReadOnlySpan<byte> name));
        Assert.IsTrue(name.SequenceEqual("delay"u8));
        Assert.IsFalse(BootArguments.TryGetProfile("nf.profile= nf.profiles"u8, out _));
    }
}
