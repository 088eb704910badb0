// Marks a class whose [TestMethod]s the build-time generator wires into the suite's entry point.
using System;
namespace Nano.TestFramework;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TestClassAttribute : Attribute
{
}
