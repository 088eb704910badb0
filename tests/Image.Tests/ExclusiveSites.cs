// Finds every atomic site in a function and checks it is a complete acquire/release exclusive pair with its barrier.
namespace Image.Tests;

/// <summary>
/// The shape .NET's Interlocked takes on ARMv8.0 (ilc's inline expansion and the shim's fallbacks alike):
/// <c>ldaxr</c> ... <c>stlxr</c> status, <c>cbnz</c> status back to the <c>ldaxr</c>, and a <c>dmb ish</c> on
/// every way out (the shim's comment: "acquire/release exclusives plus a trailing dmb"). ARMv8.1 LSE forms
/// (<c>casal</c>, <c>ldaddal</c>, <c>swpal</c>, <c>ldsetal</c>...) are single acquire-release instructions.
/// </summary>
public static class ExclusiveSites
{
    private const int MaximumLoopLength = 8;

    /// <summary>How many atomic sites <paramref name="body"/> holds (exclusive loads and LSE atomics).</summary>
    public static int Count(IReadOnlyList<Instruction> body) => body.Count(i => IsExclusiveLoad(i) || IsLargeSystemExtensionAtomic(i));

    /// <summary>Every way <paramref name="body"/>'s atomic sites break the rule, each naming the instruction.</summary>
    public static List<string> Violations(IReadOnlyList<Instruction> body)
    {
        var violations = new List<string>();
        for (int i = 0; i < body.Count; i++)
        {
            Instruction load = body[i];
            if (IsLargeSystemExtensionAtomic(load))
            {
                if (!load.Mnemonic.EndsWith("al", StringComparison.Ordinal) && !load.Mnemonic.EndsWith("alb", StringComparison.Ordinal)
                    && !load.Mnemonic.EndsWith("alh", StringComparison.Ordinal))
                {
                    violations.Add($"{load}: LSE atomic without acquire-release");
                }
                continue;
            }
            if (!IsExclusiveLoad(load))
                continue;
            if (!load.Mnemonic.StartsWith("ldax", StringComparison.Ordinal))
                violations.Add($"{load}: exclusive load without acquire (ldxr, not ldaxr)");
            int store = -1;
            for (int j = i + 1; j < body.Count && j <= i + MaximumLoopLength; j++)
            {
                if (IsExclusiveStore(body[j]))
                {
                    store = j;
                    break;
                }
                if (IsExclusiveLoad(body[j]))
                    break;
            }
            if (store < 0)
            {
                violations.Add($"{load}: no store-exclusive follows");
                continue;
            }
            Instruction stored = body[store];
            if (!stored.Mnemonic.StartsWith("stlx", StringComparison.Ordinal))
                violations.Add($"{stored}: exclusive store without release (stxr, not stlxr)");
            string status = stored.Operands.Split(',')[0].Trim();
            Instruction? retry = store + 1 < body.Count ? body[store + 1] : null;
            if (retry is null || retry.Mnemonic != "cbnz" || !retry.Operands.StartsWith(status + ",", StringComparison.Ordinal)
                || retry.TargetAddress != load.Address)
            {
                violations.Add($"{stored}: not followed by cbnz {status} back to {load.Address:x}");
                continue;
            }
            // Every way out needs the trailing full barrier: past the retry, and each early exit of a compare-and-swap.
            if (!ReachesFullBarrier(body, store + 2))
                violations.Add($"{retry}: no dmb ish after the exclusive pair");
            for (int j = i + 1; j < store; j++)
            {
                Instruction exit = body[j];
                if (exit.Mnemonic.StartsWith("b.", StringComparison.Ordinal) && exit.TargetAddress is ulong target
                    && !ReachesFullBarrier(body, IndexOf(body, target)))
                {
                    violations.Add($"{exit}: the compare-failed exit has no dmb ish");
                }
            }
        }
        return violations;
    }

    /// <summary>True when, from <paramref name="start"/>, skipping clrex and following plain branches, the next instruction is dmb ish.</summary>
    public static bool ReachesFullBarrier(IReadOnlyList<Instruction> body, int start)
    {
        int at = start;
        for (int step = 0; step < 4 && at >= 0 && at < body.Count; step++)
        {
            Instruction next = body[at];
            if (next.Text == "dmb ish")
                return true;
            if (next.Mnemonic == "clrex")
                at++;
            else if (next.Mnemonic == "b" && next.TargetAddress is ulong target)
                at = IndexOf(body, target);
            else
                return false;
        }
        return false;
    }

    private static int IndexOf(IReadOnlyList<Instruction> body, ulong address)
    {
        for (int i = 0; i < body.Count; i++)
        {
            if (body[i].Address == address)
                return i;
        }
        return -1;
    }

    public static bool IsExclusiveLoad(Instruction i) => i.Mnemonic is "ldxr" or "ldaxr" or "ldxrb" or "ldaxrb" or "ldxrh" or "ldaxrh" or "ldxp" or "ldaxp";

    public static bool IsExclusiveStore(Instruction i) => i.Mnemonic is "stxr" or "stlxr" or "stxrb" or "stlxrb" or "stxrh" or "stlxrh" or "stxp" or "stlxp";

    public static bool IsLargeSystemExtensionAtomic(Instruction i) =>
        i.Mnemonic.StartsWith("cas", StringComparison.Ordinal) || i.Mnemonic.StartsWith("swp", StringComparison.Ordinal)
        || i.Mnemonic.StartsWith("ldadd", StringComparison.Ordinal) || i.Mnemonic.StartsWith("ldset", StringComparison.Ordinal)
        || i.Mnemonic.StartsWith("ldclr", StringComparison.Ordinal) || i.Mnemonic.StartsWith("ldeor", StringComparison.Ordinal);
}
