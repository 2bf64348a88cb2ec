namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>One host and one data set for every test class: they only read.</summary>
[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<ApiServer>
{
    public const string Name = "api server";
}
