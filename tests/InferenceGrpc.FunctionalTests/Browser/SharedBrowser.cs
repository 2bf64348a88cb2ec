namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>One seeded service for both browser drivers: the query page and the explorer only read.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
