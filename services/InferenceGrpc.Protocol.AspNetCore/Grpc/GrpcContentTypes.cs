namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>The content types of gRPC and gRPC-Web, and which front-end each selects.</summary>
internal static class GrpcContentTypes
{
    public const string Grpc = "application/grpc";
    public const string GrpcWeb = "application/grpc-web+proto";
    public const string GrpcWebText = "application/grpc-web-text+proto";

    /// <summary>The protocol a request content type asks for, or null when it is not gRPC at all.</summary>
    public static CallProtocol? Classify(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Parameters such as "; charset=utf-8" do not change the protocol.
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/grpc" or "application/grpc+proto" => CallProtocol.Grpc,
            "application/grpc-web" or "application/grpc-web+proto" => CallProtocol.GrpcWeb,
            "application/grpc-web-text" or "application/grpc-web-text+proto" => CallProtocol.GrpcWebText,
            _ => null,
        };
    }

    public static string ResponseContentType(CallProtocol protocol) => protocol switch
    {
        CallProtocol.GrpcWeb => GrpcWeb,
        CallProtocol.GrpcWebText => GrpcWebText,
        _ => Grpc,
    };
}
