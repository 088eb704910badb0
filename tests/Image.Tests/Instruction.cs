// One disassembled AArch64 instruction as objdump prints it: address, mnemonic, operands, branch target.
namespace Image.Tests;

/// <summary>An instruction of a disassembled function. <see cref="Target"/> names the symbol a direct branch or call goes to.</summary>
public sealed record Instruction(ulong Address, string Mnemonic, string Operands, string? Target, ulong? TargetAddress)
{
    /// <summary>"dmb ish", "ldaxr w3, [x0]": mnemonic and operands as one normalised string.</summary>
    public string Text => Operands.Length == 0 ? Mnemonic : $"{Mnemonic} {Operands}";

    /// <summary>True for a direct call to <paramref name="symbol"/>.</summary>
    public bool Calls(string symbol) => Mnemonic == "bl" && Target == symbol;

    public override string ToString() => $"{Address:x}: {Text}{(Target is null ? "" : $" <{Target}>")}";
}
