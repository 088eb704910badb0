// The smallest device tree addition that makes Linux drive our platform: the "arm,scmi-virtio" node with no protocol
// nodes, so Linux's SCMI core starts (base protocol, raw mode) and no protocol driver sends anything of its own.
namespace Nf.Linux;

public static class BareScmiNode
{
    /// <summary>How long Linux waits for each reply (its default is 60 s): a platform that never answers fails fast.</summary>
    public const int MaxRxTimeoutMilliseconds = 5000;

    /// <summary>A second root block for QEMU's own device tree (Documentation/devicetree/bindings/firmware/arm,scmi.yaml).</summary>
    public static string Source =>
        "/ {\n" +
        "\tfirmware {\n" +
        "\t\tscmi {\n" +
        "\t\t\tcompatible = \"arm,scmi-virtio\";\n" +
        "\t\t\t#address-cells = <1>;\n" +
        "\t\t\t#size-cells = <0>;\n" +
        $"\t\t\tarm,max-rx-timeout-ms = <{MaxRxTimeoutMilliseconds}>;\n" +
        "\t\t};\n" +
        "\t};\n" +
        "};\n";
}
