namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The Weave test classes share one host per store: they only read.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteWeaveServers : ICollectionFixture<WeaveServer>
{
    public const string Name = "weave sqlite";
}
