// One set of arguments for a test method; each row runs and is reported as its own case,
// named Class.Method(args). The values are read at build time and passed as typed constants,
// so nothing here is ever constructed or boxed on target.
using System;
namespace Nano.TestFramework;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DataRowAttribute : Attribute
{
    public DataRowAttribute(params object?[] data)
    {
    }
}
