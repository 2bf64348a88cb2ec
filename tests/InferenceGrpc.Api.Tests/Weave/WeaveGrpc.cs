using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The REST queries of the Weave tests as gRPC requests: the body's snake_case names are the proto field names.</summary>
internal static class WeaveGrpc
{
    public const string Service = "inference.v1.EvaluationResultService";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static EvalResultsQuery Query(string restBody)
    {
        var query = Parser.Parse<EvalResultsQuery>(restBody);
        query.Entity = WeaveDataSet.Entity;
        query.Project = WeaveDataSet.Project;
        return query;
    }
}
