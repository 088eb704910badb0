// The type of "no value".
namespace System;

public struct Void
{
}
