using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>What a query found: the page of rows, the count before paging, and the summary when asked for.</summary>
internal sealed record EvalResults(EvalResultsOptions Options, List<EvalResultsRow> Page, long TotalRows, EvalResultsSummary? Summary);
