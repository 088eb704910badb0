// The transport's cross-CPU handshakes as the image holds them: what MTTCG on an x86 host cannot show (a store
// ordered after a later load) is checked in the instructions instead.
using Xunit;

namespace Image.Tests;

public class TransportAtomicsTests
{
    private const string Transport = "Scmi_Virtio_Scmi_Virtio_ScmiVirtioTransport__";

    // "Flag the work, then try to claim" against "release the owner word, then re-read the flag" is a store followed
    // by a load on each side: only full barriers keep both from missing. The flag's set (inlined RequestWork) and
    // its clear must stay exchanges, not release stores: an exclusive pair with its dmb, counted per function.
    [Theory]
    [InlineData("HandleInterrupt", 2)]   // the Interrupts counter, the work flag's set
    [InlineData("ReleaseOwner", 2)]      // the work flag's clear, the owner word's release
    [InlineData("TryClaimOwner", 1)]     // the owner word's claim
    [InlineData("HandOver", 1)]          // the push on the hand-over list
    [InlineData("TakeHandedOver", 1)]    // the hand-over list taken whole
    public void Each_handshake_of_the_owner_word_and_the_hand_over_is_an_exclusive_pair_with_its_barrier(string function, int sites)
    {
        List<Instruction> body = BuiltImage.ScmiSmp.Function(Transport + function);
        Assert.True(ExclusiveSites.Count(body) == sites, $"{function}: {ExclusiveSites.Count(body)} atomic site(s), expected {sites}");
        Assert.Empty(ExclusiveSites.Violations(body));
    }

    [Fact]
    public void Every_atomic_site_of_the_transport_is_complete()
    {
        var sites = BuiltImage.ScmiSmp.Functions.Where(f => f.Key.StartsWith(Transport, StringComparison.Ordinal)).ToList();
        Assert.True(sites.Sum(f => ExclusiveSites.Count(f.Value)) >= 20, "the transport's functions hold its atomics");
        var violations = sites.SelectMany(f => ExclusiveSites.Violations(f.Value).Select(v => $"{f.Key}: {v}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
