// Turns one [DataRow] constant into the C# expression the generated call passes (typed, so no boxing
// happens on target) and the text the test's reported name shows.
using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Nano.TestFramework.Generator;

internal readonly struct DataRowArgument
{
    private DataRowArgument(string code, string display, string? error)
    {
        Code = code;
        Display = display;
        Error = error;
    }

    /// <summary>The expression to pass, for example <c>(global::System.Byte)(7)</c>.</summary>
    public string Code { get; }
    /// <summary>How the argument appears in the test name, for example <c>7</c> or <c>"text"</c>.</summary>
    public string Display { get; }
    /// <summary>Why the constant cannot be passed, or null.</summary>
    public string? Error { get; }

    public static DataRowArgument From(TypedConstant constant, IParameterSymbol parameter)
    {
        ITypeSymbol target = parameter.Type;
        string targetName = target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            return Fail($"parameter '{parameter.Name}' is ref or out");
        // Checked before the array case: DataRow(null) arrives as a null params array.
        if (constant.IsNull)
        {
            if (target.IsValueType && target.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                return Fail($"null cannot be passed to '{parameter.Name}' of type {target.ToDisplayString()}");
            return new DataRowArgument($"({targetName})null!", "null", null);
        }
        if (constant.Kind == TypedConstantKind.Array)
            return Fail($"array arguments are not supported (parameter '{parameter.Name}')");
        if (constant.Kind == TypedConstantKind.Type)
            return Fail($"typeof arguments are not supported (parameter '{parameter.Name}')");
        if (constant.Kind == TypedConstantKind.Error)
            return Fail($"the argument for '{parameter.Name}' does not compile");


        object value = constant.Value!;
        string literal;
        string display;
        if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
        {
            string enumName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            literal = $"({enumName})({Literal(value)})";
            display = EnumMemberName(enumType, value) is { } member ? $"{enumType.Name}.{member}" : Literal(value);
        }
        else
        {
            literal = Literal(value);
            display = value switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                _ => literal,
            };
        }

        if (value is string && target.SpecialType is not (SpecialType.System_String or SpecialType.System_Object)
            && !IsReadOnlySpanOfChar(target))
        {
            return Fail($"a string cannot be passed to '{parameter.Name}' of type {target.ToDisplayString()}");
        }
        if (value is bool && target.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Object))
            return Fail($"a bool cannot be passed to '{parameter.Name}' of type {target.ToDisplayString()}");

        // object parameters take the constant as it is (boxed on target, by the test author's choice);
        // a string converts to ReadOnlySpan<char> implicitly; everything else gets an explicit constant cast,
        // so an out-of-range value is a compile error at the generated call.
        string code = target.SpecialType == SpecialType.System_Object || IsReadOnlySpanOfChar(target)
            ? literal
            : $"({targetName})({literal})";
        return new DataRowArgument(code, display, null);
    }

    private static DataRowArgument Fail(string error) => new("", "", error);

    private static bool IsReadOnlySpanOfChar(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System", TypeArguments.Length: 1 } span
        && span.TypeArguments[0].SpecialType == SpecialType.System_Char;

    private static string Literal(object value) => value switch
    {
        // Constant expressions, since the corelib need not define NaN or the infinities.
        double d when double.IsNaN(d) => "(0.0 / 0.0)",
        double d when double.IsPositiveInfinity(d) => "(1.0 / 0.0)",
        double d when double.IsNegativeInfinity(d) => "(-1.0 / 0.0)",
        float f when float.IsNaN(f) => "(0.0f / 0.0f)",
        float f when float.IsPositiveInfinity(f) => "(1.0f / 0.0f)",
        float f when float.IsNegativeInfinity(f) => "(-1.0f / 0.0f)",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
    };

    private static string? EnumMemberName(INamedTypeSymbol enumType, object value)
    {
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                return field.Name;
        }
        return null;
    }
}
