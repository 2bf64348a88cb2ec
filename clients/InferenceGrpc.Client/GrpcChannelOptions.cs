using Google.Protobuf.Reflection;

namespace InferenceGrpc.Client;

/// <summary>How a <see cref="GrpcChannel"/> talks to its server. Read once, when the channel is made.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The receive limit every gRPC stack defaults to: 4 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// When true, calls use gRPC-Web (<c>application/grpc-web+proto</c>) over HTTP/1.1 or later,
    /// with the status in a trailer frame at the end of the body, for servers or proxies that
    /// cannot do HTTP/2 trailers. gRPC-Web cannot stream requests: client-streaming and duplex
    /// calls send all their requests before the response starts.
    /// </summary>
    public bool UseGrpcWeb { get; set; }

    /// <summary>The time a call may take when its <see cref="CallOptions"/> set no deadline. Null (the default): no limit.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>
    /// The largest response message accepted, before or after decompression; a larger one ends
    /// the call with RESOURCE_EXHAUSTED. Defaults to <see cref="DefaultMaxReceiveMessageSize"/>;
    /// null means no limit.
    /// </summary>
    public int? MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>The largest request message sent; a larger one fails with RESOURCE_EXHAUSTED before sending. Null (the default): no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>When true, request messages are gzip-compressed (<c>grpc-encoding: gzip</c>). Defaults to false.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>When true (the default), the server is told it may gzip responses (<c>grpc-accept-encoding</c>).</summary>
    public bool AcceptCompressedResponses { get; set; } = true;

    /// <summary>
    /// The handler that sends requests, for instance one that trusts a private CA. Null (the
    /// default): a handler from <see cref="GrpcChannel.CreateHttpHandler"/>. A custom
    /// <see cref="SocketsHttpHandler"/> should have <c>EnableMultipleHttp2Connections</c> set,
    /// or every call shares one connection's stream limit.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>When true (the default), disposing the channel disposes <see cref="HttpHandler"/> too.</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    /// <summary>
    /// The message types that <c>grpc-status-details-bin</c> details are unpacked into. Defaults
    /// to those of google/rpc/error_details.proto (BadRequest, ErrorInfo, RetryInfo); details of
    /// other types stay packed in <see cref="Google.Protobuf.WellKnownTypes.Any"/>.
    /// </summary>
    public TypeRegistry StatusDetailTypes { get; set; } = StatusDetails.DefaultTypes;

    /// <summary>The <c>user-agent</c> sent with every call.</summary>
    public string UserAgent { get; set; } = "grpc-csharp-inferencegrpc/1.0";
}
