// Single: the `float` primitive (no formatting: there is no floating-point formatter here).
namespace System;

public readonly struct Single
{
    private readonly float m_value;

    public const float MinValue = -3.40282346638528859e+38f;
    public const float MaxValue = 3.40282346638528859e+38f;
    public const float Epsilon = 1.4e-45f;
    public const float NaN = (float)0.0 / (float)0.0;
    public const float PositiveInfinity = (float)1.0 / (float)0.0;
    public const float NegativeInfinity = (float)-1.0 / (float)0.0;

#pragma warning disable CS1718 // x != x is the NaN test
    public static bool IsNaN(float f) => f != f;
#pragma warning restore CS1718
}
