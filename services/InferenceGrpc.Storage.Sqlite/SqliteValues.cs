using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>Conversions between record fields and column values.</summary>
internal static class SqliteValues
{
    public static object Id(string uuid) => Uuid7.ToBigEndianBytes(Guid.Parse(uuid));

    public static object OptionalId(string uuid) => uuid.Length == 0 ? DBNull.Value : Id(uuid);

    public static object Text(string value) => value.Length == 0 ? DBNull.Value : value;

    public static long Milliseconds(Timestamp time) => time.ToDateTimeOffset().ToUnixTimeMilliseconds();

    public static object OptionalMilliseconds(Timestamp? time) => time is null ? DBNull.Value : Milliseconds(time);

    public static byte[] Body(IMessage message) => message.ToByteArray();

    public static string Json(Value value) => JsonFormatter.Default.Format(value);

    public static Value ParseJson(string json) => Value.Parser.ParseJson(json);
}
