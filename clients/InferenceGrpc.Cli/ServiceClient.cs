using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli;

/// <summary>The calls the commands make, with the connection's project, key and deadlines applied.</summary>
internal sealed class ServiceClient(GrpcChannel channel, string project, CallOptions unary, CallOptions streaming) : IDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Queries = InferenceQueryServiceReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Ingestion = IngestionServiceReflection.Descriptor.Services[0];
    private static readonly Method<GetInferencesRequest, GetInferencesResponse> GetInferences = new(Queries, "GetInferences");
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> ListInferences = new(Queries, "ListInferences");
    private static readonly Method<StreamInferencesRequest, StreamInferencesResponse> StreamInferences = new(Queries, "StreamInferences");
    private static readonly Method<GetInferenceFeedbackRequest, GetInferenceFeedbackResponse> GetInferenceFeedback = new(Queries, "GetInferenceFeedback");
    private static readonly Method<StreamRecordsRequest, StreamRecordsResponse> StreamRecords = new(Ingestion, "StreamRecords");
    private static readonly Method<QueryMetricsRequest, QueryMetricsResponse> QueryMetrics = new(GatewayMetricsServiceReflection.Descriptor.Services[0], "QueryMetrics");
    private static readonly Method<QueryEvalResultsRequest, QueryEvalResultsResponse> QueryEvalResults = new(EvaluationResultServiceReflection.Descriptor.Services[0], "QueryEvalResults");
    private static readonly Method<ListEvaluationRunsRequest, ListEvaluationRunsResponse> ListEvaluationRuns = new(EvaluationResultServiceReflection.Descriptor.Services[0], "ListEvaluationRuns");
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Keys = ApiKeyServiceReflection.Descriptor.Services[0];
    private static readonly Method<CreateApiKeyRequest, CreateApiKeyResponse> CreateApiKey = new(Keys, "CreateApiKey");
    private static readonly Method<ListApiKeysRequest, ListApiKeysResponse> ListApiKeys = new(Keys, "ListApiKeys");
    private static readonly Method<RevokeApiKeyRequest, RevokeApiKeyResponse> RevokeApiKey = new(Keys, "RevokeApiKey");

    public string Project { get; } = project;

    public Task<GetInferencesResponse> GetAsync(GetInferencesRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(GetInferences, request, unary);
    }

    public Task<ListInferencesResponse> ListAsync(ListInferencesRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(ListInferences, request, unary);
    }

    public StreamingCall<StreamInferencesResponse> Stream(StreamInferencesRequest request)
    {
        request.Project = Project;
        return channel.ServerStreaming(StreamInferences, request, streaming);
    }

    public Task<GetInferenceFeedbackResponse> FeedbackAsync(GetInferenceFeedbackRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(GetInferenceFeedback, request, unary);
    }

    /// <summary>Sends batches as one client stream; the project goes with the first.</summary>
    public Task<StreamRecordsResponse> WriteAsync(IAsyncEnumerable<StreamRecordsRequest> batches) =>
        channel.ClientStreamingAsync(StreamRecords, WithProject(batches), streaming);

    public Task<QueryMetricsResponse> MetricsAsync(QueryMetricsRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(QueryMetrics, request, unary);
    }

    /// <summary>An evaluation query; Weave names projects "entity/project", so the project must have that form.</summary>
    public Task<QueryEvalResultsResponse> EvalResultsAsync(EvalResultsQuery query)
    {
        var parts = Project.Split('/');
        if (parts.Length != 2)
        {
            throw new CliUsageException($"Evaluation results live in Weave projects named entity/project; '{Project}' is not one. Pass --project entity/project.");
        }

        (query.Entity, query.Project) = (parts[0], parts[1]);
        return channel.UnaryAsync(QueryEvalResults, new QueryEvalResultsRequest { Query = query }, unary);
    }

    public Task<ListEvaluationRunsResponse> ListRunsAsync(ListEvaluationRunsRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(ListEvaluationRuns, request, unary);
    }

    public Task<CreateApiKeyResponse> CreateKeyAsync(CreateApiKeyRequest request)
    {
        request.Project = Project;
        return channel.UnaryAsync(CreateApiKey, request, unary);
    }

    public Task<ListApiKeysResponse> ListKeysAsync() => channel.UnaryAsync(ListApiKeys, new ListApiKeysRequest { Project = Project }, unary);

    public Task<RevokeApiKeyResponse> RevokeKeyAsync(string keyId) =>
        channel.UnaryAsync(RevokeApiKey, new RevokeApiKeyRequest { Project = Project, KeyId = keyId }, unary);

    public void Dispose() => channel.Dispose();

    private async IAsyncEnumerable<StreamRecordsRequest> WithProject(IAsyncEnumerable<StreamRecordsRequest> batches)
    {
        await foreach (var batch in batches)
        {
            batch.Project = Project;
            yield return batch;
        }
    }
}
