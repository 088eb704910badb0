// Parses the --fault and --seed command-line options (and the "faults" list of a description file).
using System.Globalization;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Faults;

/// <summary>
/// Fault syntax (one per <c>--fault</c>; any may end in <c>@SELECTOR</c> to limit it to some commands):
/// <code>
/// delay=5ms | delay=5ms..20ms     delay replies, fixed or seeded-random
/// late=BASE.PROTOCOL_VERSION:2000ms  hold replies to a message past the agent's timeout, then deliver
/// reorder | reorder=50ms          hold each reply until the next one completes (window default 50 ms)
/// duplicate                       deliver delayed responses and notifications twice
/// early                           send a delayed response before its synchronous reply
/// corrupt=token|msgid|protocol|type|previous  damage reply headers (combine with +, e.g. token+msgid);
///                                 previous puts the previous reply's header (a stale token) on the reply
/// short                           cut the last four bytes off replies
/// flood=N                         repeat every enabled notification N times after each reply
/// drop=CLOCK.RATE_GET             never reply to a message
/// error=CLOCK.RATE_SET:BUSY       answer a message with a status without executing it
/// </code>
/// Any fault may also end in <c>~N%</c>: it then strikes a selected command with that chance (seeded).
/// A SELECTOR is PROTOCOL.MESSAGE: protocol BASE, POWER, SYSTEM, PERF, CLOCK, SENSOR, RESET, VOLTAGE,
/// POWERCAP or a number; message a spec name with or without the protocol prefix, a number, or *.
/// <c>--seed N</c> makes random choices repeatable.
/// </summary>
public static class FaultOptions
{
    /// <summary>Default hold time of the reorder fault.</summary>
    public static readonly TimeSpan DefaultReorderWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>Collects every <c>--fault X</c>/<c>--fault=X</c> and <c>--seed N</c>; other arguments are left to the caller.</summary>
    public static FaultPlan Parse(string[] args)
    {
        var rules = new List<FaultRule>();
        int? seed = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (TryOption(args, ref i, "--fault", out string? fault))
            {
                rules.Add(ParseRule(fault!));
            }
            else if (TryOption(args, ref i, "--seed", out string? seedText))
            {
                if (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
                    throw new FaultOptionException($"--seed needs an integer, found \"{seedText}\"");
                seed = value;
            }
        }
        return new FaultPlan(rules, seed);
    }

    /// <summary>Parses fault texts from a description file.</summary>
    public static FaultPlan FromTexts(IEnumerable<string> faults, int? seed) => new(faults.Select(ParseRule).ToArray(), seed);

    /// <summary>Returns null when <paramref name="fault"/> is valid, otherwise what is wrong with it.</summary>
    public static string? Validate(string fault)
    {
        try
        {
            ParseRule(fault);
            return null;
        }
        catch (FaultOptionException e)
        {
            return e.Message;
        }
    }

    /// <summary>Parses one fault text.</summary>
    public static FaultRule ParseRule(string text)
    {
        string body = text.Trim();
        double probability = 1.0;
        int tilde = body.LastIndexOf('~');
        if (tilde >= 0)
        {
            string chance = body[(tilde + 1)..].Trim();
            if (!chance.EndsWith('%') || !double.TryParse(chance[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double percent)
                || percent <= 0 || percent > 100)
            {
                throw new FaultOptionException($"\"{text}\": \"~{chance}\" is not a chance (use ~N% with 0 < N <= 100)");
            }
            probability = percent / 100;
            body = body[..tilde];
        }
        return ParseRuleBody(body, text) with { Probability = probability };
    }

    private static FaultRule ParseRuleBody(string body, string text)
    {
        var scope = MessageSelector.Any;
        int at = body.LastIndexOf('@');
        if (at >= 0)
        {
            scope = Selector(body[(at + 1)..], text);
            body = body[..at];
        }
        int equals = body.IndexOf('=');
        string kind = (equals < 0 ? body : body[..equals]).Trim().ToLowerInvariant();
        string? value = equals < 0 ? null : body[(equals + 1)..].Trim();
        switch (kind)
        {
            case "delay":
            {
                string range = Required(value, kind, "delay=5ms or delay=5ms..20ms");
                int dots = range.IndexOf("..", StringComparison.Ordinal);
                var minimum = Duration(dots < 0 ? range : range[..dots], text);
                var maximum = dots < 0 ? minimum : Duration(range[(dots + 2)..], text);
                if (maximum < minimum) throw new FaultOptionException($"\"{text}\": the upper delay is below the lower one");
                return new DelayFault(scope, minimum, maximum);
            }
            case "late":
            {
                var (selector, argument) = SelectorAndArgument(Required(value, kind, "late=BASE.PROTOCOL_VERSION:2000ms"), text);
                return new LateFault(selector, Duration(argument, text));
            }
            case "reorder":
                return new ReorderFault(scope, value is null ? DefaultReorderWindow : Duration(value, text));
            case "duplicate":
                NoValue(value, text);
                return new DuplicateFault(scope);
            case "early":
                NoValue(value, text);
                return new EarlyFault(scope);
            case "corrupt":
            {
                var fields = HeaderField.None;
                foreach (string part in Required(value, kind, "corrupt=token|msgid|protocol|type").Split('+', '|', ','))
                {
                    fields |= part.Trim().ToLowerInvariant() switch
                    {
                        "token" => HeaderField.Token,
                        "msgid" or "message" or "messageid" => HeaderField.MessageId,
                        "protocol" => HeaderField.Protocol,
                        "type" => HeaderField.Type,
                        "previous" => HeaderField.Previous,
                        _ => throw new FaultOptionException($"\"{text}\": cannot corrupt \"{part}\" (use token, msgid, protocol, type or previous)"),
                    };
                }
                return new CorruptFault(scope, fields);
            }
            case "short":
                NoValue(value, text);
                return new ShortFault(scope);
            case "flood":
            {
                string count = Required(value, kind, "flood=N");
                if (!int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1 || n > 10_000)
                    throw new FaultOptionException($"\"{text}\": flood needs a count between 1 and 10000");
                return new FloodFault(scope, n);
            }
            case "drop":
                return new DropFault(Selector(Required(value, kind, "drop=CLOCK.RATE_GET"), text));
            case "error":
            {
                var (selector, argument) = SelectorAndArgument(Required(value, kind, "error=CLOCK.RATE_SET:BUSY"), text);
                return new ErrorFault(selector, Status(argument, text));
            }
            default:
                throw new FaultOptionException($"unknown fault \"{kind}\" in \"{text}\" (use delay, late, reorder, duplicate, early, corrupt, short, flood, drop or error)");
        }
    }

    private static bool TryOption(string[] args, ref int index, string name, out string? value)
    {
        value = null;
        string arg = args[index];
        if (arg == name)
        {
            if (index + 1 >= args.Length) throw new FaultOptionException($"{name} needs a value");
            value = args[++index];
            return true;
        }
        if (arg.StartsWith(name + "=", StringComparison.Ordinal))
        {
            value = arg[(name.Length + 1)..];
            return true;
        }
        return false;
    }

    private static string Required(string? value, string kind, string example) =>
        string.IsNullOrEmpty(value) ? throw new FaultOptionException($"fault \"{kind}\" needs a value, e.g. {example}") : value;

    private static void NoValue(string? value, string text)
    {
        if (value is not null) throw new FaultOptionException($"\"{text}\" takes no value");
    }

    private static MessageSelector Selector(string text, string whole) =>
        MessageSelector.TryParse(text, out string? problem) ?? throw new FaultOptionException($"\"{whole}\": {problem}");

    private static (MessageSelector, string) SelectorAndArgument(string value, string whole)
    {
        int colon = value.LastIndexOf(':');
        if (colon < 0) throw new FaultOptionException($"\"{whole}\": expected SELECTOR:VALUE");
        return (Selector(value[..colon], whole), value[(colon + 1)..].Trim());
    }

    /// <summary>Parses "20ms", "2s", "500us" or a bare number of milliseconds.</summary>
    public static TimeSpan Duration(string text, string whole)
    {
        string t = text.Trim().ToLowerInvariant();
        double scale = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal))
        {
            t = t[..^2];
        }
        else if (t.EndsWith("us", StringComparison.Ordinal)) { t = t[..^2]; scale = 0.001; }
        else if (t.EndsWith('s')) { t = t[..^1]; scale = 1000; }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || amount < 0 || double.IsInfinity(amount))
            throw new FaultOptionException($"\"{whole}\": \"{text}\" is not a duration (e.g. 20ms, 2s)");
        return TimeSpan.FromMilliseconds(amount * scale);
    }

    private static ScmiStatus Status(string text, string whole)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number))
        {
            var decoded = ScmiStatusCodes.Decode(number);
            if (decoded is ScmiStatus.Unknown or ScmiStatus.Success) throw new FaultOptionException($"\"{whole}\": status must be an error code -1..-11");
            return decoded;
        }
        foreach (ScmiStatus status in Enum.GetValues<ScmiStatus>())
        {
            if (status is not (ScmiStatus.Success or ScmiStatus.Unknown) && ScmiStatusCodes.SpecName(status) == text.ToUpperInvariant())
                return status;
        }
        throw new FaultOptionException($"\"{whole}\": unknown status \"{text}\" (e.g. BUSY, DENIED, GENERIC_ERROR)");
    }
}
