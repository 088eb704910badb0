// Double: the `double` primitive (no formatting: there is no floating-point formatter here).
namespace System;

public readonly struct Double
{
    private readonly double m_value;

    public const double MinValue = -1.7976931348623157E+308;
    public const double MaxValue = 1.7976931348623157E+308;
    public const double Epsilon = 4.9406564584124654E-324;
    public const double NaN = (double)0.0 / (double)0.0;
    public const double PositiveInfinity = (double)1.0 / (double)0.0;
    public const double NegativeInfinity = (double)-1.0 / (double)0.0;

#pragma warning disable CS1718 // x != x is the NaN test
    public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718
}
