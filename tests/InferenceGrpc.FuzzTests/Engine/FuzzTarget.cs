namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// One thing to fuzz: where inputs go (<paramref name="Wire"/>, <paramref name="Path"/>), what
/// they look like (<paramref name="Shape"/>, <paramref name="Seeds"/>: valid inputs to mutate),
/// the error body a REST reply must have, and whether the target may change the store.
/// <paramref name="Encode"/>, when given, turns the mutated input into the body actually sent
/// (a page token into a request that carries it); failures print the input before encoding.
/// <paramref name="LiveSeeds"/> adds seeds only the running server can make, such as page tokens.
/// </summary>
public sealed record FuzzTarget(
    string Name,
    Wire Wire,
    string Path,
    InputShape Shape,
    IReadOnlyList<byte[]> Seeds,
    ErrorShape? ErrorShape = null,
    bool Writes = false,
    Func<byte[], byte[]>? Encode = null,
    Func<FuzzClient, Task<IReadOnlyList<byte[]>>>? LiveSeeds = null)
{
    public override string ToString() => Name;
}
