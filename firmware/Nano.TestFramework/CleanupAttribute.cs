// Marks the one method run after all of a test class's tests.
using System;
namespace Nano.TestFramework;

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CleanupAttribute : Attribute
{
}
