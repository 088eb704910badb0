// Arm DEN0056 v3.2 §4.3 power domain management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.3 power domain management protocol.</summary>
public static class PowerDomainMessage
{
    public const byte DomainAttributes = 0x3, StateSet = 0x4, StateGet = 0x5, StateNotify = 0x6, NameGet = 0x8;
    /// <summary>§4.3.3.1: the POWER_STATE_CHANGED notification's message id.</summary>
    public const byte StateChanged = 0x0;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, StateSet, StateGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8];
    /// <summary>§4.3.2.7: ON is type 0, state id 0.</summary>
    public const uint On = 0x0000_0000;
    /// <summary>§4.3.2.7: OFF is type 1 (context lost), state id 0.</summary>
    public const uint Off = 0x4000_0000;
}
