// There is no unwinder: try/finally runs its finally on the normal path, and a throw is a panic that
// names the exception type and message (Recovery.Run sees it as code 2).
using System;
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static unsafe class ExceptionTests
{
    private static int s_state = 1;
    private static int s_steps;

    private static void ThrowsInvalidOperation()
    {
        if (s_state > 0)
            throw new InvalidOperationException("deliberate");
        s_steps = 99;
    }

    [TestMethod]
    public static void A_throw_is_a_panic()
    {
        s_steps = 0;
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&ThrowsInvalidOperation));
        Assert.AreEqual(0, s_steps, "nothing after the throw ran");
    }

    [TestMethod]
    public static void Finally_blocks_run_on_the_normal_path()
    {
        s_steps = 0;
        try
        {
            s_steps += 1;
        }
        finally
        {
            s_steps += 10;
        }
        Assert.AreEqual(11, s_steps);
    }

    [TestMethod]
    public static void Exceptions_carry_their_message()
    {
        var error = new ArgumentOutOfRangeException("index", "too large");
        Assert.AreEqual("too large", error.Message);
        Assert.AreEqual("index", error.ParamName);
        Assert.IsTrue(error is ArgumentException);
    }
}
