// Setup runs before the class's tests on the one instance they share; data rows arrive typed.
using System;
using Nano.TestFramework;

namespace TestFramework.Tests;

[TestClass]
public class FixtureOrderTests
{
    private int _setupRuns;
    private int _testsRun;

    [Setup]
    public void Prepare() => _setupRuns++;

    [TestMethod]
    public void Setup_ran_once_before_the_first_test()
    {
        Assert.AreEqual(1, _setupRuns);
        _testsRun++;
    }

    [TestMethod]
    public void Tests_share_the_class_instance()
    {
        Assert.AreEqual(1, _setupRuns);
        Assert.AreEqual(1, _testsRun, "the first test ran on this same instance");
    }

    [TestMethod]
    [DataRow(1, 2, 3)]
    [DataRow(-5, 5, 0)]
    [DataRow(int.MaxValue, 1, int.MinValue)]
    public void Rows_arrive_as_typed_arguments(int a, int b, int sum) => Assert.AreEqual(sum, unchecked(a + b));

    [TestMethod]
    [DataRow("virtio", 6)]
    [DataRow("", 0)]
    public void Text_rows_arrive_intact(string text, int length) => Assert.AreEqual(length, text.Length);

    [TestMethod]
    [DataRow((byte)0xFF, 0xFFFFFFFFu, 0xFFFFFFFFFFFFFFFFul, true, 'q')]
    public void Every_primitive_row_keeps_its_value(byte b, uint u, ulong l, bool flag, char c)
    {
        Assert.AreEqual((byte)255, b);
        Assert.AreEqual(uint.MaxValue, u);
        Assert.AreEqual(ulong.MaxValue, l);
        Assert.IsTrue(flag);
        Assert.AreEqual('q', c);
    }
}
