using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>Runs a command whose first column is a protobuf body and parses every row's.</summary>
internal static class SqliteBodies
{
    public static async Task<List<T>> ReadAsync<T>(SqliteCommand command, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bodies = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            bodies.Add(parser.ParseFrom((byte[])reader[0]));
        }

        return bodies;
    }
}
