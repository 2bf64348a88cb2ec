namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>How an input travels to the server; <see cref="FuzzClient"/> builds the request.</summary>
public enum Wire
{
    /// <summary>gRPC over h2c: the input is the whole request body (length-prefixed frames).</summary>
    Grpc,

    /// <summary>
    /// gRPC over h2c with the input split at its first empty line: "name: value" header lines
    /// (content-type, grpc-timeout, grpc-encoding...), then the body bytes.
    /// </summary>
    GrpcWithHeaders,

    /// <summary>gRPC-Web (binary) over HTTP/1.1: the input is the body.</summary>
    GrpcWeb,

    /// <summary>gRPC-Web text over HTTP/1.1: the input is the frames, sent base64-encoded.</summary>
    GrpcWebText,

    /// <summary>gRPC-Web text over HTTP/1.1: the input is the base64 body itself, sent as is.</summary>
    GrpcWebTextRaw,

    /// <summary>REST: POST to the target's path with the input as a JSON body.</summary>
    RestPost,

    /// <summary>REST: GET the target's path with the input appended (path segments and query string).</summary>
    RestGet,
}
