using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// The default REST shape: proto3 JSON with lowerCamelCase names and default values written
/// out (so a client sees every field), <c>response_body</c> honoured (a repeated field becomes
/// a bare JSON array), and errors as a google.rpc.Status object
/// <c>{"code":3,"message":"…","details":[…]}</c>. Subclass it to change one part.
/// </summary>
public class ProtobufJsonShape : IJsonShape
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string NdjsonContentType = "application/x-ndjson";

    public static readonly ProtobufJsonShape Instance = new();

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public virtual Task<IMessage> ReadRequestAsync(HttpContext http, HttpRouteMatch match, GrpcServerOptions options) =>
        JsonRequestBinder.BindAsync(http, match, options.MaxBufferedRequestBytes);

    public virtual Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response)
    {
        http.Response.ContentType = JsonContentType;
        return http.Response.WriteAsync(FormatBody(route, response), http.RequestAborted);
    }

    public virtual async Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message)
    {
        if (!http.Response.HasStarted)
        {
            http.Response.ContentType = NdjsonContentType;
        }

        await http.Response.WriteAsync(FormatBody(route, message) + "\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    public virtual Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted)
    {
        var body = FormatStatus(status);
        if (streamStarted)
        {
            // The 200 is gone already; the last line of the stream carries the status instead.
            return http.Response.WriteAsync(body + "\n", http.RequestAborted);
        }

        http.Response.StatusCode = HttpStatusMapping.ToHttpStatus(status.Code);
        http.Response.ContentType = JsonContentType;
        return http.Response.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The whole message, or just its response_body field.</summary>
    protected static string FormatBody(HttpRoute route, IMessage message)
    {
        if (route.ResponseBody is null)
        {
            return Formatter.Format(message);
        }

        using var writer = new StringWriter();
        Formatter.WriteValue(writer, route.ResponseBody.Accessor.GetValue(message));
        return writer.ToString();
    }

    /// <summary>A status as google.rpc.Status JSON, its details resolved by their own descriptors.</summary>
    protected static string FormatStatus(RpcStatus status)
    {
        var rich = status.ToRichStatus() ?? new Google.Rpc.Status { Code = (int)status.Code, Message = status.Message };
        var registry = TypeRegistry.FromMessages((status.Details ?? []).Select(d => d.Descriptor));
        return new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(registry).WithFormatDefaultValues(true)).Format(rich);
    }
}
