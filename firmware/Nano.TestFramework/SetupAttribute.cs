// Marks the one method run before a test class's tests; when it fails, the class's tests are skipped.
using System;
namespace Nano.TestFramework;

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SetupAttribute : Attribute
{
}
