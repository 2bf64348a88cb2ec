using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// The JSON a REST route reads and writes. The default, <see cref="ProtobufJsonShape"/>, is the
/// proto3 JSON mapping with google.rpc.Status error bodies. An API that must match another
/// product's JSON exactly (tagged unions, explicit nulls, its own error bodies) registers its
/// own shape for its methods in <see cref="GrpcServerOptions.JsonShapes"/>; the invocation
/// pipeline stays the same.
/// </summary>
public interface IJsonShape
{
    /// <summary>Builds the request message from the HTTP request.</summary>
    Task<IMessage> ReadRequestAsync(HttpContext http, HttpRouteMatch match, GrpcServerOptions options);

    /// <summary>Writes the response of a unary call.</summary>
    Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response);

    /// <summary>Writes one message of a server stream as one line of newline-delimited JSON.</summary>
    Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message);

    /// <summary>
    /// Writes a failed call: with an HTTP status and body when nothing was sent yet
    /// (<paramref name="streamStarted"/> false), or as the last line of a stream that was.
    /// </summary>
    Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted);
}
