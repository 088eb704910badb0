// Turns `objdump -d` text into functions of instructions; small and tested on its own (ObjdumpParserTests).
using System.Globalization;
using System.Text.RegularExpressions;

namespace Image.Tests;

/// <summary>Parses GNU objdump's AArch64 disassembly listing into functions keyed by symbol name.</summary>
public static partial class ObjdumpParser
{
    // "0000000040100464 <nano_barrier_dmb_st>:"
    [GeneratedRegex(@"^([0-9a-f]+) <(.+)>:$")]
    private static partial Regex FunctionHeader();

    // "    40100464:\td5033ebf \tdmb\tst" (operands and a trailing "<symbol+0x10>" or "// comment" optional)
    [GeneratedRegex(@"^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(\S+)\s*(.*)$")]
    private static partial Regex InstructionLine();

    // "40107c40 <Name+0x60>" at the end of a branch's operands
    [GeneratedRegex(@"([0-9a-f]+) <(.+?)(\+0x[0-9a-f]+)?>$")]
    private static partial Regex BranchTarget();

    /// <summary>Every function in <paramref name="listing"/> with its instructions in address order.</summary>
    public static Dictionary<string, List<Instruction>> Parse(string listing)
    {
        var functions = new Dictionary<string, List<Instruction>>(StringComparer.Ordinal);
        List<Instruction>? current = null;
        foreach (string rawLine in listing.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            Match header = FunctionHeader().Match(line);
            if (header.Success)
            {
                current = new List<Instruction>();
                functions[header.Groups[2].Value] = current;
                continue;
            }
            if (current is null)
                continue;
            Instruction? instruction = ParseInstruction(line);
            if (instruction is not null)
                current.Add(instruction);
        }
        return functions;
    }

    /// <summary>One instruction line, or null for anything else (blank lines, "...", data).</summary>
    public static Instruction? ParseInstruction(string line)
    {
        Match match = InstructionLine().Match(line);
        if (!match.Success)
            return null;
        ulong address = ulong.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        string mnemonic = match.Groups[3].Value;
        string operands = match.Groups[4].Value;
        int comment = operands.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0)
            operands = operands.Substring(0, comment);
        operands = operands.Replace('\t', ' ').Trim();
        string? target = null;
        ulong? targetAddress = null;
        if (IsBranch(mnemonic))
        {
            // "b.ne 40107cfc <F+0x5c>", "cbnz w4, 4010039c <nano_atomic_cas32>": the address and its symbol come last.
            Match t = BranchTarget().Match(operands);
            if (t.Success)
            {
                targetAddress = ulong.Parse(t.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                target = t.Groups[2].Value;
                operands = operands.Substring(0, t.Index) + t.Groups[1].Value;
            }
        }
        return new Instruction(address, mnemonic, NormaliseSpaces(operands), target, targetAddress);
    }

    /// <summary>Direct branches whose last operand is an address: b, bl, b.cond, cbz/cbnz, tbz/tbnz.</summary>
    public static bool IsBranch(string mnemonic) =>
        mnemonic is "b" or "bl" or "cbz" or "cbnz" or "tbz" or "tbnz" || mnemonic.StartsWith("b.", StringComparison.Ordinal);

    private static string NormaliseSpaces(string text) => Regex.Replace(text, @"\s+", " ");
}
