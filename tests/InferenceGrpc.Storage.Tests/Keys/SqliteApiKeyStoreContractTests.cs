using InferenceGrpc.Storage.Keys;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests.Keys;

public sealed class SqliteApiKeyStoreContractTests(SqliteStoreFixture fixture) : ApiKeyStoreContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override IApiKeyStore Keys { get; } = new SqliteApiKeyStore(fixture.Store);
}
