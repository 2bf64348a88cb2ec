namespace InferenceGrpc.Server;

/// <summary>The addresses the service is listening on, known once it has started.</summary>
public sealed record ServerEndpoints(Uri? Grpc, Uri? Http, Uri? Tls)
{
    public IEnumerable<string> Describe()
    {
        if (Grpc is not null)
        {
            yield return $"gRPC (HTTP/2 cleartext):          {Grpc}";
        }

        if (Http is not null)
        {
            yield return $"REST, gRPC-Web, browser (HTTP/1): {Http}";
        }

        if (Tls is not null)
        {
            yield return $"Everything over TLS:              {Tls}";
        }
    }
}
