using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceGrpc.FunctionalTests.Infrastructure;

/// <summary>Reads one sample out of a Prometheus text scrape of /metrics.</summary>
internal static partial class MetricsScrape
{
    /// <summary>The store's inference queries: a stream makes one per page.</summary>
    public const string StoreQueries = "inferencegrpc_store_duration_seconds_count{operation=\"query_inferences\"}";

    /// <summary>StreamInferences calls that ended CANCELLED over <paramref name="protocol"/>.</summary>
    public static string CancelledStreams(string protocol) =>
        $"rpc_server_calls_total{{rpc_grpc_status_code=\"Cancelled\",rpc_method=\"/inference.v1.InferenceQueryService/StreamInferences\",rpc_protocol=\"{protocol}\"}}";

    /// <summary>The value of the sample named exactly <paramref name="series"/> (name and labels), 0 when absent.</summary>
    public static double Value(string metrics, string series)
    {
        foreach (Match sample in SampleLine().Matches(metrics))
        {
            if (sample.Groups["series"].Value == series)
            {
                return double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<series>\S+) (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
