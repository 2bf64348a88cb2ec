namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>The front-end a call arrived through.</summary>
public enum CallProtocol
{
    /// <summary>gRPC over HTTP/2.</summary>
    Grpc,

    /// <summary>gRPC-Web with a binary body.</summary>
    GrpcWeb,

    /// <summary>gRPC-Web with a base64 text body, as browsers use for streaming.</summary>
    GrpcWebText,

    /// <summary>REST with JSON bodies, through google.api.http rules.</summary>
    Json,
}
