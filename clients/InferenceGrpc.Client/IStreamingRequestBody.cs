namespace InferenceGrpc.Client;

/// <summary>A request body that can fail on the sending side, for reasons HttpClient would blur into "the request failed".</summary>
internal interface IStreamingRequestBody
{
    /// <summary>The caller's sequence threw, or a message was too large to send; null otherwise.</summary>
    Exception? Error { get; }
}
