using InferenceGrpc.Api.Weave;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>Python's str order: by code point, so characters above U+FFFF sort after the rest of the BMP.</summary>
public sealed class CodePointComparerTests
{
    [Fact]
    public void Sort_MixedPlanes_IsPythonsSortedOrder()
    {
        // sorted(["z", "é", "\ue000", "\uffff", "😀", "A", "", "a"]) in Python.
        string[] keys = ["z", "é", "\ue000", "\uffff", "😀", "A", string.Empty, "a"];

        var sorted = keys.Order(CodePointComparer.Instance);

        Assert.Equal([string.Empty, "A", "a", "z", "é", "\ue000", "\uffff", "😀"], sorted);
    }
}
