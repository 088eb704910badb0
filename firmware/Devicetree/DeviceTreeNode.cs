// A handle to one node of a flattened device tree: where its FDT_BEGIN_NODE token sits, and how deep.
namespace Devicetree;

/// <summary>
/// A node of a <see cref="FlattenedDeviceTree"/>, by the offset of its FDT_BEGIN_NODE token in the structure
/// block. It holds no reference to the blob, so it is only meaningful with the tree it came from.
/// </summary>
public readonly struct DeviceTreeNode
{
    /// <summary>Names the node at <paramref name="offset"/>, <paramref name="depth"/> levels below the root (the root is 0).</summary>
    public DeviceTreeNode(int offset, int depth)
    {
        Offset = offset;
        Depth = depth;
    }

    /// <summary>Offset of the node's FDT_BEGIN_NODE token within the structure block.</summary>
    public int Offset { get; }

    /// <summary>Nesting depth; the root node is 0.</summary>
    public int Depth { get; }
}
