// Reads and validates a platform description file (JSON); every error names the field at fault.
using System.Text.Json;

namespace ScmiPlatform.Description;

/// <summary>
/// Turns a description file into a <see cref="PlatformDescription"/>. The file is checked completely
/// before the platform uses it: unknown fields, wrong types, values the wire format cannot carry,
/// inconsistent ranges and references all stop the load with a <see cref="PlatformDescriptionException"/>.
/// </summary>
public static class PlatformDescriptionLoader
{
    /// <summary>DEN0056 §4.1.1: short names are 16 bytes with their NUL, so 15 characters.</summary>
    public const int ShortNameLength = 15;
    /// <summary>Extended names (*_NAME_GET) are 64 bytes with their NUL, so 63 characters.</summary>
    public const int ExtendedNameLength = 63;
    /// <summary>Resource counts travel in 16-bit fields of the PROTOCOL_ATTRIBUTES replies.</summary>
    public const int MaximumResources = 0xFFFF;

    /// <summary>File name of the description shipped with the platform.</summary>
    public const string DefaultFileName = "default.json";

    /// <summary>platforms/default.json next to the assembly.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "platforms", DefaultFileName);

    /// <summary>Loads and validates a file.</summary>
    public static PlatformDescription LoadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlatformDescriptionException("", $"cannot read {path}: {e.Message}");
        }
        return Parse(text);
    }

    /// <summary>Like <see cref="LoadFile"/>, returning the error as a value.</summary>
    public static bool TryLoadFile(string path, out PlatformDescription? description, out string? error)
    {
        try
        {
            description = LoadFile(path);
            error = null;
            return true;
        }
        catch (PlatformDescriptionException e)
        {
            description = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses and validates description text.</summary>
    public static PlatformDescription Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PlatformDescriptionException("", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            var root = new JsonFieldReader(document.RootElement, "");
            var description = ReadRoot(root);
            root.RejectUnknownFields();
            return description;
        }
    }

    private static PlatformDescription ReadRoot(JsonFieldReader root)
    {
        var agents = new List<AgentDescription>();
        foreach (var (element, path) in root.OptionalArray("agents"))
        {
            var agent = new JsonFieldReader(element, path);
            agents.Add(new AgentDescription { Name = agent.RequiredString("name", ShortNameLength) });
            agent.RejectUnknownFields();
        }
        if (agents.Count == 0) agents.Add(new AgentDescription { Name = "OSPM" });
        if (agents.Count > 0xFF) throw root.Error("agents", "at most 255 agents fit the 8-bit agent count");

        uint caller = (uint)root.OptionalInteger("callerAgentId", 1, 1, agents.Count);

        var faults = new List<string>();
        foreach (var (element, path) in root.OptionalArray("faults"))
        {
            if (element.ValueKind != JsonValueKind.String)
                throw new PlatformDescriptionException(path, $"must be a string such as \"delay=5ms..20ms\", found {JsonFieldReader.Describe(element)}");
            string fault = element.GetString()!;
            string? problem = Faults.FaultOptions.Validate(fault);
            if (problem is not null) throw new PlatformDescriptionException(path, problem);
            faults.Add(fault);
        }

        var versions = new Dictionary<byte, uint>();
        var versionReader = root.OptionalObject("versions");
        if (versionReader is not null)
        {
            foreach (var (name, id) in VersionFields)
            {
                if (!versionReader.Has(name)) continue;
                versions[id] = ReadVersion(versionReader, name);
            }
            versionReader.RejectUnknownFields();
        }

        SystemPowerDescription? systemPower = null;
        var systemReader = root.OptionalObject("systemPower");
        if (systemReader is not null)
        {
            systemPower = new SystemPowerDescription
            {
                WarmResetSupported = systemReader.OptionalBoolean("warmResetSupported", true),
                SuspendSupported = systemReader.OptionalBoolean("suspendSupported", true),
                AgentMaySetState = systemReader.OptionalBoolean("agentMaySetState", true),
            };
            systemReader.RejectUnknownFields();
        }

        string powerUnit = root.OptionalString("performancePowerUnit", "milliwatts", 16);
        var performanceUnit = powerUnit switch
        {
            "milliwatts" => PerformancePowerUnit.Milliwatts,
            "abstract" => PerformancePowerUnit.Abstract,
            _ => throw root.Error("performancePowerUnit", $"must be \"milliwatts\" or \"abstract\", found \"{powerUnit}\""),
        };

        var powerCaps = ReadList(root, "powerCapDomains", ReadPowerCapDomain);
        for (int i = 0; i < powerCaps.Count; i++)
        {
            uint parent = powerCaps[i].ParentId;
            if (parent != PowerCapDomainDescription.NoParent && (parent >= powerCaps.Count || parent == i))
                throw new PlatformDescriptionException($"powerCapDomains[{i}].parentId", $"must name another power capping domain (0..{powerCaps.Count - 1}) or be omitted, found {parent}");
        }

        return new PlatformDescription
        {
            Vendor = root.OptionalString("vendor", "nf", ShortNameLength),
            SubVendor = root.OptionalString("subVendor", "virt", ShortNameLength),
            ImplementationVersion = (uint)root.OptionalInteger("implementationVersion", 1, 0, uint.MaxValue),
            Versions = versions,
            Agents = agents,
            CallerAgentId = caller,
            PowerDomains = ReadList(root, "powerDomains", ReadPowerDomain),
            SystemPower = systemPower,
            PerformanceDomains = ReadList(root, "performanceDomains", ReadPerformanceDomain),
            PerformancePowerUnit = performanceUnit,
            Clocks = ReadList(root, "clocks", ReadClock),
            Sensors = ReadList(root, "sensors", ReadSensor),
            ResetDomains = ReadList(root, "resetDomains", ReadResetDomain),
            VoltageDomains = ReadList(root, "voltageDomains", ReadVoltageDomain),
            PowerCapDomains = powerCaps,
            Faults = faults,
            Seed = root.Has("seed") ? (int)root.OptionalInteger("seed", 0, int.MinValue, int.MaxValue) : null,
        };
    }

    /// <summary>The protocol names a "versions" object may use, with their ids.</summary>
    private static readonly (string Name, byte Id)[] VersionFields =
    [
        ("base", 0x10), ("powerDomain", 0x11), ("systemPower", 0x12), ("performance", 0x13), ("clock", 0x14),
        ("sensor", 0x15), ("resetDomain", 0x16), ("voltageDomain", 0x17), ("powerCapping", 0x18),
    ];

    /// <summary>A version word: a number, or a string "0x30000" (major in bits 31:16, minor in 15:0).</summary>
    private static uint ReadVersion(JsonFieldReader reader, string name)
    {
        JsonElement value = reader.Raw(name)!.Value;
        if (value.ValueKind == JsonValueKind.Number)
            return (uint)JsonFieldReader.CheckInteger(value, reader.FieldPath(name), 0, uint.MaxValue);
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out uint parsed))
        {
            return parsed;
        }
        throw reader.Error(name, $"must be a version word such as \"0x30000\" (major 3, minor 0), found {JsonFieldReader.Describe(value)}");
    }

    private static List<T> ReadList<T>(JsonFieldReader root, string name, Func<JsonFieldReader, T> read)
    {
        var items = root.OptionalArray(name);
        if (items.Count > MaximumResources) throw root.Error(name, $"at most {MaximumResources} entries fit the 16-bit count");
        var result = new List<T>(items.Count);
        foreach (var (element, path) in items)
        {
            var reader = new JsonFieldReader(element, path);
            result.Add(read(reader));
            reader.RejectUnknownFields();
        }
        return result;
    }

    private static PowerDomainDescription ReadPowerDomain(JsonFieldReader r)
    {
        var extra = new List<uint>();
        foreach (var (element, path) in r.OptionalArray("extraStates"))
            extra.Add((uint)JsonFieldReader.CheckInteger(element, path, 0, uint.MaxValue));
        uint initial;
        if (!r.Has("initialState"))
        {
            initial = PowerDomainDescription.StateOn;
        }
        else
        {
            string state = r.OptionalString("initialState", "on", 16);
            initial = state switch
            {
                "on" => PowerDomainDescription.StateOn,
                "off" => PowerDomainDescription.StateOff,
                _ => throw r.Error("initialState", $"must be \"on\" or \"off\", found \"{state}\""),
            };
        }
        return new PowerDomainDescription
        {
            Name = r.RequiredString("name", ExtendedNameLength),
            InitialState = initial,
            ExtraStates = extra,
            AsyncSupported = r.OptionalBoolean("asyncSupported", true),
            Locked = r.OptionalBoolean("locked", false),
        };
    }

    private static PerformanceDomainDescription ReadPerformanceDomain(JsonFieldReader r)
    {
        string name = r.RequiredString("name", ExtendedNameLength);
        var levels = new List<PerformanceLevel>();
        foreach (var (element, path) in r.OptionalArray("levels"))
        {
            var level = new JsonFieldReader(element, path);
            levels.Add(new PerformanceLevel(
                (uint)level.RequiredInteger("level", 0, uint.MaxValue),
                (uint)level.OptionalInteger("powerCost", 0, 0, uint.MaxValue),
                (ushort)level.OptionalInteger("latencyUs", 0, 0, ushort.MaxValue)));
            level.RejectUnknownFields();
            if (levels.Count > 1 && levels[^1].Level <= levels[^2].Level)
                throw new PlatformDescriptionException($"{path}.level", "levels must be strictly ascending");
        }
        if (levels.Count == 0) throw r.Error("levels", "at least one operating point is required");
        uint lowest = levels[0].Level, highest = levels[^1].Level;
        uint? initial = r.Has("initialLevel") ? (uint)r.OptionalInteger("initialLevel", 0, 0, uint.MaxValue) : null;
        if (initial is not null && !levels.Any(l => l.Level == initial)) throw r.Error("initialLevel", $"{initial} is not one of the levels");
        uint? minimum = null, maximum = null;
        var limits = r.OptionalObject("limits");
        if (limits is not null)
        {
            minimum = (uint)limits.OptionalInteger("min", lowest, lowest, highest);
            maximum = (uint)limits.OptionalInteger("max", highest, lowest, highest);
            if (minimum > maximum) throw limits.Error("min", $"must not exceed max ({maximum})");
            limits.RejectUnknownFields();
            if (initial is not null && (initial < minimum || initial > maximum))
                throw r.Error("initialLevel", $"{initial} lies outside limits {minimum}..{maximum}");
        }
        return new PerformanceDomainDescription
        {
            Name = name,
            Levels = levels,
            InitialLevel = initial,
            LimitMin = minimum,
            LimitMax = maximum,
            RateLimitMicroseconds = (uint)r.OptionalInteger("rateLimitUs", 0, 0, 0xF_FFFF),
            SustainedFrequencyKhz = (uint)r.OptionalInteger("sustainedFrequencyKhz", 0, 0, uint.MaxValue),
            SustainedLevel = (uint)r.OptionalInteger("sustainedLevel", 0, 0, uint.MaxValue),
            SetLimitsAllowed = r.OptionalBoolean("setLimitsAllowed", true),
            SetLevelAllowed = r.OptionalBoolean("setLevelAllowed", true),
        };
    }

    private static ClockDescription ReadClock(JsonFieldReader r)
    {
        string name = r.RequiredString("name", ExtendedNameLength);
        bool hasRates = r.Has("rates"), hasRange = r.Has("range");
        if (hasRates == hasRange) throw r.Error(hasRates ? "range" : "rates", "a clock needs exactly one of \"rates\" (discrete) and \"range\" (linear)");
        List<ulong>? rates = null;
        ClockRateRange? range = null;
        if (hasRates)
        {
            rates = new List<ulong>();
            foreach (var (element, path) in r.OptionalArray("rates"))
            {
                ulong rate = JsonFieldReader.CheckUnsigned64(element, path);
                if (rate == 0) throw new PlatformDescriptionException(path, "a rate must be above 0 Hz");
                if (rates.Count > 0 && rate <= rates[^1]) throw new PlatformDescriptionException(path, "rates must be strictly ascending");
                rates.Add(rate);
            }
            if (rates.Count == 0) throw r.Error("rates", "at least one rate is required");
            if (rates.Count > 0xFFFF) throw r.Error("rates", "at most 65535 rates fit the remaining-count field");
        }
        else
        {
            var rangeReader = r.OptionalObject("range")!;
            ulong minimum = rangeReader.RequiredUnsigned64("min");
            ulong maximum = rangeReader.RequiredUnsigned64("max");
            ulong step = rangeReader.RequiredUnsigned64("step");
            rangeReader.RejectUnknownFields();
            if (minimum == 0) throw rangeReader.Error("min", "must be above 0 Hz");
            if (maximum < minimum) throw rangeReader.Error("max", $"must not be below min ({minimum})");
            if (step == 0) throw rangeReader.Error("step", "must be above 0");
            range = new ClockRateRange(minimum, maximum, step);
        }
        ulong? initial = r.OptionalUnsigned64("initialRate");
        if (initial is not null)
        {
            bool valid = rates is not null
                ? rates.Contains(initial.Value)
                : initial >= range!.Minimum && initial <= range.Maximum && (initial - range.Minimum) % range.Step == 0;
            if (!valid) throw r.Error("initialRate", $"{initial} Hz is not a rate this clock offers");
        }
        return new ClockDescription
        {
            Name = name,
            Rates = rates,
            Range = range,
            InitialRate = initial,
            Enabled = r.OptionalBoolean("enabled", true),
            EnableLatencyMicroseconds = (uint)r.OptionalInteger("enableLatencyUs", 0, 0, uint.MaxValue),
            Locked = r.OptionalBoolean("locked", false),
        };
    }

    private static readonly Dictionary<string, byte> SensorUnits = new(StringComparer.Ordinal)
    {
        // DEN0056 §4.7.2.6 sensor unit types (a subset by name; any value 0..255 may be given as a number).
        ["none"] = 0, ["unspecified"] = 1, ["degreesC"] = 2, ["degreesF"] = 3, ["kelvin"] = 4,
        ["volts"] = 5, ["amps"] = 6, ["watts"] = 7, ["joules"] = 8, ["coulombs"] = 9,
        ["hertz"] = 20, ["seconds"] = 21, ["meters"] = 31, ["radians"] = 36, ["gravities"] = 40,
    };

    private static byte ReadUnit(JsonFieldReader r)
    {
        var value = r.Raw("unit") ?? throw r.Error("unit", "is required (a name such as \"degreesC\", \"volts\", \"amps\", \"watts\", or a number 0..255)");
        if (value.ValueKind == JsonValueKind.Number) return (byte)JsonFieldReader.CheckInteger(value, r.FieldPath("unit"), 0, 255);
        string? name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (name is not null && SensorUnits.TryGetValue(name, out byte unit)) return unit;
        throw r.Error("unit", $"unknown unit {JsonFieldReader.Describe(value)}; use one of {string.Join(", ", SensorUnits.Keys)} or a number 0..255");
    }

    private static SensorDescription ReadSensor(JsonFieldReader r)
    {
        string name = r.RequiredString("name", ExtendedNameLength);
        byte unit = ReadUnit(r);
        var (minimum, maximum, value) = ReadReadingRange(r);
        var intervals = new List<uint>();
        foreach (var (element, path) in r.OptionalArray("updateIntervalsSeconds"))
            intervals.Add((uint)JsonFieldReader.CheckInteger(element, path, 1, 0xFFFF));
        if (intervals.Count == 0) intervals.Add(1);
        var axes = new List<SensorAxisDescription>();
        foreach (var (element, path) in r.OptionalArray("axes"))
        {
            var axis = new JsonFieldReader(element, path);
            var (axisMinimum, axisMaximum, axisValue) = ReadReadingRange(axis);
            axes.Add(new SensorAxisDescription
            {
                Name = axis.RequiredString("name", ExtendedNameLength),
                Unit = ReadUnit(axis),
                Scale = (sbyte)axis.OptionalInteger("scale", 0, -16, 15),
                Value = axisValue,
                Minimum = axisMinimum,
                Maximum = axisMaximum,
                Resolution = (uint)axis.OptionalInteger("resolution", 1, 0, 0x7FF_FFFF),
            });
            axis.RejectUnknownFields();
        }
        // DEN0056 §4.7.2.5: the axis count field is 6 bits wide.
        if (axes.Count > 63) throw r.Error("axes", "at most 63 axes fit the 6-bit axis count");
        return new SensorDescription
        {
            Name = name,
            Unit = unit,
            Scale = (sbyte)r.OptionalInteger("scale", 0, -16, 15),
            Value = value,
            Minimum = minimum,
            Maximum = maximum,
            RampStep = r.OptionalInteger("rampStep", 0, 0, long.MaxValue),
            Resolution = (uint)r.OptionalInteger("resolution", 1, 0, 0x7FF_FFFF),
            PowerMicrowatts = (uint)r.OptionalInteger("powerMicrowatts", 0, 0, uint.MaxValue),
            TripPoints = (byte)r.OptionalInteger("tripPoints", 0, 0, 255),
            AsyncRead = r.OptionalBoolean("asyncRead", false),
            UpdateIntervalsSeconds = intervals,
            Enabled = r.OptionalBoolean("enabled", true),
            Axes = axes,
        };
    }

    private static (long Minimum, long Maximum, long Value) ReadReadingRange(JsonFieldReader r)
    {
        long minimum = r.OptionalInteger("min", long.MinValue, long.MinValue, long.MaxValue);
        long maximum = r.OptionalInteger("max", long.MaxValue, long.MinValue, long.MaxValue);
        if (minimum > maximum) throw r.Error("min", $"must not exceed max ({maximum})");
        long value = r.OptionalInteger("value", Math.Clamp(0, minimum, maximum), long.MinValue, long.MaxValue);
        if (value < minimum || value > maximum) throw r.Error("value", $"{value} lies outside min..max ({minimum}..{maximum})");
        return (minimum, maximum, value);
    }

    private static ResetDomainDescription ReadResetDomain(JsonFieldReader r) => new()
    {
        Name = r.RequiredString("name", ExtendedNameLength),
        LatencyMicroseconds = (uint)r.OptionalInteger("latencyUs", ResetDomainDescription.UnknownLatency, 0, uint.MaxValue),
        AsyncSupported = r.OptionalBoolean("asyncSupported", true),
        Locked = r.OptionalBoolean("locked", false),
    };

    private static VoltageDomainDescription ReadVoltageDomain(JsonFieldReader r)
    {
        string name = r.RequiredString("name", ExtendedNameLength);
        bool hasLevels = r.Has("levels"), hasRange = r.Has("range");
        if (hasLevels == hasRange) throw r.Error(hasLevels ? "range" : "levels", "a voltage domain needs exactly one of \"levels\" (discrete) and \"range\" (linear)");
        List<int>? levels = null;
        VoltageRange? range = null;
        if (hasLevels)
        {
            levels = new List<int>();
            foreach (var (element, path) in r.OptionalArray("levels"))
            {
                int level = (int)JsonFieldReader.CheckInteger(element, path, int.MinValue, int.MaxValue);
                if (levels.Count > 0 && level <= levels[^1]) throw new PlatformDescriptionException(path, "levels must be strictly ascending");
                levels.Add(level);
            }
            if (levels.Count == 0) throw r.Error("levels", "at least one level is required");
        }
        else
        {
            var rangeReader = r.OptionalObject("range")!;
            int minimum = (int)rangeReader.RequiredInteger("min", int.MinValue, int.MaxValue);
            int maximum = (int)rangeReader.RequiredInteger("max", int.MinValue, int.MaxValue);
            int step = (int)rangeReader.RequiredInteger("step", 1, int.MaxValue);
            rangeReader.RejectUnknownFields();
            if (maximum < minimum) throw rangeReader.Error("max", $"must not be below min ({minimum})");
            range = new VoltageRange(minimum, maximum, step);
        }
        int? initial = r.Has("initialLevel") ? (int)r.OptionalInteger("initialLevel", 0, int.MinValue, int.MaxValue) : null;
        if (initial is not null)
        {
            bool valid = levels is not null
                ? levels.Contains(initial.Value)
                : initial >= range!.Minimum && initial <= range.Maximum && ((long)initial - range.Minimum) % range.Step == 0;
            if (!valid) throw r.Error("initialLevel", $"{initial} uV is not a level this domain offers");
        }
        return new VoltageDomainDescription
        {
            Name = name,
            Levels = levels,
            Range = range,
            InitialLevel = initial,
            InitiallyOn = r.OptionalBoolean("on", true),
            AsyncSupported = r.OptionalBoolean("asyncSupported", true),
            Locked = r.OptionalBoolean("locked", false),
        };
    }

    private static PowerCapDomainDescription ReadPowerCapDomain(JsonFieldReader r)
    {
        string name = r.RequiredString("name", ExtendedNameLength);
        string unitName = r.OptionalString("unit", "milliwatts", 16);
        var unit = unitName switch
        {
            "milliwatts" => PowerCapUnit.Milliwatts,
            "microwatts" => PowerCapUnit.Microwatts,
            "abstract" => PowerCapUnit.Abstract,
            _ => throw r.Error("unit", $"must be \"milliwatts\", \"microwatts\" or \"abstract\", found \"{unitName}\""),
        };
        uint minCap = (uint)r.RequiredInteger("minCap", 1, uint.MaxValue);
        uint maxCap = (uint)r.RequiredInteger("maxCap", minCap, uint.MaxValue);
        uint capStep = (uint)r.OptionalInteger("capStep", 1, 1, uint.MaxValue);
        uint? initialCap = r.Has("initialCap") ? (uint)r.OptionalInteger("initialCap", 0, minCap, maxCap) : null;
        if (initialCap is not null && (initialCap - minCap) % capStep != 0) throw r.Error("initialCap", $"must be minCap plus a multiple of capStep ({capStep})");
        uint minPai = (uint)r.RequiredInteger("minPaiUs", 1, uint.MaxValue);
        uint maxPai = (uint)r.RequiredInteger("maxPaiUs", minPai, uint.MaxValue);
        uint paiStep = (uint)r.OptionalInteger("paiStepUs", 1, 1, uint.MaxValue);
        uint? initialPai = r.Has("initialPaiUs") ? (uint)r.OptionalInteger("initialPaiUs", 0, minPai, maxPai) : null;
        if (initialPai is not null && (initialPai - minPai) % paiStep != 0) throw r.Error("initialPaiUs", $"must be minPaiUs plus a multiple of paiStepUs ({paiStep})");
        return new PowerCapDomainDescription
        {
            Name = name,
            Unit = unit,
            MinimumCap = minCap,
            MaximumCap = maxCap,
            CapStep = capStep,
            InitialCap = initialCap,
            MinimumPai = minPai,
            MaximumPai = maxPai,
            PaiStep = paiStep,
            InitialPai = initialPai,
            SustainablePower = (uint)r.OptionalInteger("sustainablePower", 0, 0, uint.MaxValue),
            Accuracy = (uint)r.OptionalInteger("accuracy", 0, 0, uint.MaxValue),
            ParentId = (uint)r.OptionalInteger("parentId", PowerCapDomainDescription.NoParent, 0, uint.MaxValue),
            MeasuredPower = (uint)r.OptionalInteger("measuredPower", 0, 0, uint.MaxValue),
            CapConfigurable = r.OptionalBoolean("capConfigurable", true),
            PaiConfigurable = r.OptionalBoolean("paiConfigurable", true),
            AsyncSupported = r.OptionalBoolean("asyncSupported", true),
        };
    }
}
