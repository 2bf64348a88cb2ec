namespace InferenceGrpc.Cli.Tests;

/// <summary>One server and one data set for every test class.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCliServer : ICollectionFixture<CliServer>
{
    public const string Name = "cli server";
}
