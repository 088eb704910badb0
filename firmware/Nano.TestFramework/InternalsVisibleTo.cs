// The framework's own on-target suite checks the exact failure messages Assert writes.
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TestFramework.Tests")]
