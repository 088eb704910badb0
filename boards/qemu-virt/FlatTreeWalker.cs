// The flattened device tree's structure block read token by token, for the board's readers.
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>What <see cref="FlatTreeWalker.Next"/> met.</summary>
internal enum FlatTreeItem
{
    BeginNode,
    EndNode,
    Property,
    /// <summary>The end of the structure block (FDT_END, or no token left).</summary>
    End,
    /// <summary>A token or length that does not fit the block: stop reading.</summary>
    Corrupt,
}

/// <summary>
/// The structure block read token by token (devicetree specification 0.4 §5.4): node begins with their names,
/// node ends and properties with their names and values, FDT_NOP skipped, every length checked against the
/// block. One walker for every board reader, so each says only what it looks for.
/// </summary>
internal ref struct FlatTreeWalker
{
    private const uint BeginNodeToken = 1, EndNodeToken = 2, PropertyToken = 3, NopToken = 4, EndToken = 9;   // §5.4.1

    private readonly ReadOnlySpan<byte> _structure;
    private readonly ReadOnlySpan<byte> _strings;
    private int _position;
    private bool _leaving;

    public FlatTreeWalker(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings)
    {
        _structure = structure;
        _strings = strings;
    }

    /// <summary>The depth of the node begun, ended, or holding the property (the root is 1).</summary>
    public int Depth { get; private set; }

    /// <summary>A begun node's name (without its NUL), or a property's name as its NUL-terminated string-block
    /// entry (compare with <see cref="FlatTree.IsName"/>).</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>A property's value.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    public FlatTreeItem Next()
    {
        if (_leaving)
        {
            Depth--;
            _leaving = false;
        }
        while (_position + 4 <= _structure.Length)
        {
            uint token = BinaryPrimitives.ReadUInt32BigEndian(_structure.Slice(_position));
            _position += 4;
            switch (token)
            {
                case BeginNodeToken:
                {
                    int nameLength = _structure.Slice(_position).IndexOf((byte)0);
                    if (nameLength < 0)
                        return FlatTreeItem.Corrupt;
                    Name = _structure.Slice(_position, nameLength);
                    Value = default;
                    Depth++;
                    _position = FlatTree.Align4(_position + nameLength + 1);
                    return FlatTreeItem.BeginNode;
                }
                case EndNodeToken:
                    _leaving = true;                // reported at the ending node's depth, left on the next call
                    return FlatTreeItem.EndNode;
                case PropertyToken:
                {
                    if (_position + 8 > _structure.Length)
                        return FlatTreeItem.Corrupt;
                    int length = (int)BinaryPrimitives.ReadUInt32BigEndian(_structure.Slice(_position));
                    uint nameOffset = BinaryPrimitives.ReadUInt32BigEndian(_structure.Slice(_position + 4));
                    _position += 8;
                    if (length < 0 || length > _structure.Length - _position || nameOffset >= _strings.Length)
                        return FlatTreeItem.Corrupt;
                    Value = _structure.Slice(_position, length);
                    Name = _strings.Slice((int)nameOffset);
                    _position = FlatTree.Align4(_position + length);
                    return FlatTreeItem.Property;
                }
                case NopToken:
                    break;
                case EndToken:
                    return FlatTreeItem.End;
                default:
                    return FlatTreeItem.Corrupt;    // not a token
            }
        }
        return FlatTreeItem.End;
    }
}
