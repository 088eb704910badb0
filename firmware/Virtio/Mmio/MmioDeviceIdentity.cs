// The four identification registers of a virtio-mmio transport, read once when probing (virtio 1.3 §4.2.3.1.1).
namespace Virtio;

/// <summary>What a virtio-mmio register window says about itself before any driver touches it.</summary>
public readonly struct MmioDeviceIdentity
{
    /// <summary>Records the identification registers.</summary>
    public MmioDeviceIdentity(uint magic, uint version, uint deviceId, uint vendorId)
    {
        Magic = magic;
        Version = version;
        DeviceId = deviceId;
        VendorId = vendorId;
    }

    /// <summary>MagicValue; 0x74726976 for a virtio device.</summary>
    public uint Magic { get; }
    /// <summary>Version: 1 legacy, 2 modern.</summary>
    public uint Version { get; }
    /// <summary>DeviceID (see <see cref="DeviceType"/>); 0 is an empty slot. Zero unless magic and version are valid.</summary>
    public uint DeviceId { get; }
    /// <summary>VendorID (QEMU: 0x554D4551, "QEMU"). Zero unless magic and version are valid.</summary>
    public uint VendorId { get; }

    /// <summary>Magic and version valid and a device present: worth driving.</summary>
    public bool IsDevice => Magic == MmioConstants.MagicValue && IsKnownVersion && DeviceId != 0;

    /// <summary>Version is 1 or 2.</summary>
    public bool IsKnownVersion => Version == MmioConstants.LegacyVersion || Version == MmioConstants.ModernVersion;

    /// <summary>The register layout the version selects (meaningful only when <see cref="IsKnownVersion"/>).</summary>
    public MmioLayout Layout => Version == MmioConstants.ModernVersion ? MmioLayout.Modern : MmioLayout.Legacy;

    /// <summary>The device type.</summary>
    public DeviceType Type => (DeviceType)DeviceId;

    /// <summary>
    /// Reads the identification registers in the order the spec requires: §4.2.3.1.1 "The driver MUST start
    /// the device initialization by reading and checking values from MagicValue and Version. If both values
    /// are valid, it MUST read DeviceID and if its value is zero (0x0) MUST abort initialization and MUST NOT
    /// access any other register." VendorID is read only for a present device.
    /// </summary>
    public static MmioDeviceIdentity Read(RegisterWindow registers)
    {
        uint magic = registers.Read32((int)MmioRegister.MagicValue);
        if (magic != MmioConstants.MagicValue)
            return new MmioDeviceIdentity(magic, 0, 0, 0);
        uint version = registers.Read32((int)MmioRegister.Version);
        if (version != MmioConstants.LegacyVersion && version != MmioConstants.ModernVersion)
            return new MmioDeviceIdentity(magic, version, 0, 0);
        uint deviceId = registers.Read32((int)MmioRegister.DeviceId);
        if (deviceId == 0)
            return new MmioDeviceIdentity(magic, version, 0, 0);
        uint vendorId = registers.Read32((int)MmioRegister.VendorId);
        return new MmioDeviceIdentity(magic, version, deviceId, vendorId);
    }
}
