using System.Net;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace InferenceGrpc.Client;

/// <summary>
/// A connection to one gRPC server over one <see cref="HttpClient"/>: <c>http://</c> addresses
/// speak HTTP/2 cleartext with prior knowledge, <c>https://</c> addresses TLS with ALPN h2 (or
/// gRPC-Web, see <see cref="GrpcChannelOptions.UseGrpcWeb"/>). Thread-safe; make one per server
/// and share it, since it owns the connection pool.
/// </summary>
/// <example>
/// <code>
/// using var channel = new GrpcChannel(new Uri("http://127.0.0.1:50051"));
/// var echo = new Method&lt;EchoRequest, EchoResponse&gt;(EchoServiceReflection.Descriptor.Services[0], "Echo");
/// var reply = await channel.UnaryAsync(echo, new EchoRequest { Message = "hi" }, new CallOptions { Timeout = TimeSpan.FromSeconds(5) });
/// </code>
/// </example>
public sealed class GrpcChannel : IDisposable
{
    private readonly string _pathPrefix;

    /// <summary>Makes a channel to <paramref name="address"/> (scheme, host, port, and optionally a path prefix).</summary>
    /// <exception cref="ArgumentException">The address is not an absolute http:// or https:// URI.</exception>
    public GrpcChannel(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        options ??= new GrpcChannelOptions();
        Address = address;
        _pathPrefix = address.GetLeftPart(UriPartial.Authority) + address.AbsolutePath.TrimEnd('/');
        UseGrpcWeb = options.UseGrpcWeb;
        DefaultTimeout = options.DefaultTimeout;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize ?? int.MaxValue;
        CompressRequests = options.CompressRequests;
        AcceptCompressedResponses = options.AcceptCompressedResponses;
        StatusDetailTypes = options.StatusDetailTypes;
        UserAgent = options.UserAgent;
        var handler = options.HttpHandler ?? CreateHttpHandler();
        HttpClient = new HttpClient(handler, disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler)
        {
            // Deadlines are per call and enforced by the call; a client-wide timeout would cut
            // long streams short and report them as the wrong error.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    internal HttpClient HttpClient { get; }

    internal bool UseGrpcWeb { get; }

    internal TimeSpan? DefaultTimeout { get; }

    internal int MaxReceiveMessageSize { get; }

    internal int MaxSendMessageSize { get; }

    internal bool CompressRequests { get; }

    internal bool AcceptCompressedResponses { get; }

    internal TypeRegistry StatusDetailTypes { get; }

    internal string UserAgent { get; }

    /// <summary>
    /// The handler a channel uses by default, for callers who want to adjust it (a client
    /// certificate, a private CA) and pass it back in <see cref="GrpcChannelOptions.HttpHandler"/>.
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler() => new()
    {
        // One HTTP/2 connection allows ~100 concurrent streams; beyond that, open more rather
        // than queue calls behind each other.
        EnableMultipleHttp2Connections = true,

        // gRPC compresses per message; HTTP content-encoding would only get in the way.
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    };

    /// <summary>Calls a unary method.</summary>
    /// <exception cref="Protocol.RpcException">The call ended with a status other than OK.</exception>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        (await UnaryCallAsync(method, request, options)).Response;

    /// <summary>Calls a unary method; the result carries the response headers and trailers too.</summary>
    /// <exception cref="Protocol.RpcException">The call ended with a status other than OK.</exception>
    public async Task<CallResult<TResponse>> UnaryCallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        CheckType(method, MethodType.Unary);
        ArgumentNullException.ThrowIfNull(request);
        await using var call = NewCall(method, options, _ => RequestFactory.SingleMessage(request, CompressRequests, MaxSendMessageSize));
        return await call.ReadSingleAsync();
    }

    /// <summary>Calls a server-streaming method. The request is sent at once; enumerate the result for the responses.</summary>
    public StreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        CheckType(method, MethodType.ServerStreaming);
        ArgumentNullException.ThrowIfNull(request);
        return new StreamingCall<TResponse>(NewCall(method, options, _ => RequestFactory.SingleMessage(request, CompressRequests, MaxSendMessageSize)));
    }

    /// <summary>Calls a client-streaming method: sends every message of <paramref name="requests"/>, then returns the response.</summary>
    /// <exception cref="Protocol.RpcException">The call ended with a status other than OK.</exception>
    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        (await ClientStreamingCallAsync(method, requests, options)).Response;

    /// <summary>Calls a client-streaming method; the result carries the response headers and trailers too.</summary>
    /// <remarks>If <paramref name="requests"/> throws, the call is reset and that exception is rethrown.</remarks>
    /// <exception cref="Protocol.RpcException">The call ended with a status other than OK.</exception>
    public async Task<CallResult<TResponse>> ClientStreamingCallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        CheckType(method, MethodType.ClientStreaming);
        ArgumentNullException.ThrowIfNull(requests);
        await using var call = NewCall(method, options, token => new StreamingRequestContent<TRequest>(requests, CompressRequests, MaxSendMessageSize, token));
        return await call.ReadSingleAsync();
    }

    /// <summary>
    /// Calls a duplex-streaming method: <paramref name="requests"/> is sent as it yields, while
    /// the result is enumerated for the responses (over HTTP/2; gRPC-Web sends all requests first).
    /// </summary>
    public StreamingCall<TResponse> DuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        CheckType(method, MethodType.DuplexStreaming);
        ArgumentNullException.ThrowIfNull(requests);
        return new StreamingCall<TResponse>(NewCall(method, options, token => new StreamingRequestContent<TRequest>(requests, CompressRequests, MaxSendMessageSize, token)));
    }

    /// <summary>Closes the connections (and the handler, unless told otherwise).</summary>
    public void Dispose() => HttpClient.Dispose();

    internal Uri ResolveUri(string path) => new(_pathPrefix + path);

    private GrpcCall<TResponse> NewCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, Func<CancellationToken, HttpContent> createContent)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(this, method.Path, method.ResponseParser, options, createContent);

    private static void CheckType<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType expected)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expected)
        {
            throw new ArgumentException($"Method '{method.FullName}' is {method.Type}; it cannot be called as {expected}.", nameof(method));
        }
    }
}
