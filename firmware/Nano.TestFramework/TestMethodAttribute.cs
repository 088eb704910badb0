// Marks a test: a void method, static or instance, without parameters unless it has [DataRow]s.
using System;
namespace Nano.TestFramework;

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TestMethodAttribute : Attribute
{
}
