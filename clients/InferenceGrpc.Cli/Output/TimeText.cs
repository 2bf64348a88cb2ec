using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Cli.Output;

/// <summary>Times in tables: UTC to the second, whole so they can be copied; empty when unset.</summary>
internal static class TimeText
{
    public static string Of(Timestamp? time) =>
        time?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
