// Members the compiler looks up by name even when a program does not use them.
using System;
using Internal.Runtime;

namespace System.Runtime.InteropServices
{
    public unsafe interface IDynamicInterfaceCastable
    {
        // Resolved by ilc for interface dispatch; dynamic interface casting is not supported here.
        internal static nint GetDynamicInterfaceImplementation(IDynamicInterfaceCastable instance, MethodTable* interfaceType, ushort slot)
        {
            Nano.Runtime.Panic.Fail("dynamic interface dispatch is not supported");
            return 0;
        }
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    internal static class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(nint pEEType) => default;

        private static RuntimeMethodHandle GetRuntimeMethodHandle(nint pHandleSignature) => default;

        private static RuntimeFieldHandle GetRuntimeFieldHandle(nint pHandleSignature) => default;
    }
}
