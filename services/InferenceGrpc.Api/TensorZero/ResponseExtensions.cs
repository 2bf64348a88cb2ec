namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Which of our extras a list reply carries: "next_page_token" when the request sent a
/// "page_token" member (empty to start), "total_count" when it set "include_total_count".
/// A TensorZero client sends neither, so its replies keep TensorZero's exact shape.
/// </summary>
internal sealed record ResponseExtensions(bool PageToken, bool TotalCount);
