// The non-generic enumeration interfaces: the C# compiler needs them to exist for `foreach` over an array
// (which it lowers to an index loop; nothing here is called). Implementing them is pointless on target:
// interface dispatch is limited to what ilc devirtualises.
namespace System.Collections;

public interface IEnumerable
{
    IEnumerator GetEnumerator();
}

public interface IEnumerator
{
    bool MoveNext();
    object? Current { get; }
    void Reset();
}
