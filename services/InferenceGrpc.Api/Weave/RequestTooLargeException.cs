namespace InferenceGrpc.Api.Weave;

/// <summary>A request body over the server's limit: Weave's 413.</summary>
internal sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException()
        : base("Request too large")
    {
    }
}
