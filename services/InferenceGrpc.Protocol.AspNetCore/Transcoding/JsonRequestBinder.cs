using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// Builds a request message from a REST request per its google.api.http rule: the body (the
/// whole message for "*", one field otherwise), then path variables, then, unless the body is
/// "*", query parameters for the remaining fields. Repeated fields take <c>k=a&amp;k=b</c>,
/// <c>k[]=a</c> and comma lists <c>k=a,b</c>. Unknown JSON fields and query parameters are
/// ignored, so clients that send more than we model keep working.
/// </summary>
public static class JsonRequestBinder
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static async Task<IMessage> BindAsync(HttpContext http, HttpRouteMatch match, int maxBodyBytes)
    {
        var route = match.Route;
        var descriptor = route.Method.InputType;
        var message = route.Body.Length == 0
            ? descriptor.Parser.ParseFrom(ByteString.Empty)
            : await ReadBodyAsync(http, route, descriptor, maxBodyBytes).ConfigureAwait(false);

        foreach (var (fieldPath, value) in match.PathValues)
        {
            FieldValueBinder.Bind(message, fieldPath, value, fieldPath);
        }

        if (route.Body != "*")
        {
            BindQuery(http.Request.Query, match, descriptor, message);
        }

        return message;
    }

    private static async Task<IMessage> ReadBodyAsync(HttpContext http, HttpRoute route, MessageDescriptor descriptor, int maxBodyBytes)
    {
        var contentType = http.Request.ContentType;
        if (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.InvalidArgument, $"Content-Type '{contentType}' is not supported; send application/json.");
        }

        var json = await ReadTextAsync(http.Request, maxBodyBytes).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(json))
        {
            return descriptor.Parser.ParseFrom(ByteString.Empty);
        }

        if (JsonDepthGuard.Problem(json) is { } problem)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Request JSON payload is not correctly formatted: " + problem);
        }

        try
        {
            if (route.Body == "*")
            {
                return Parser.Parse(json, descriptor);
            }

            // The body is one field: parse it as that field of an otherwise empty request, so
            // messages, repeated fields and scalars all go through the one proto3 JSON parser.
            var field = descriptor.FindFieldByName(route.Body);
            return Parser.Parse($"{{\"{field.JsonName}\":{json}}}", descriptor);
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Request JSON payload is not correctly formatted: " + ex.Message);
        }
    }

    private static async Task<string> ReadTextAsync(HttpRequest request, int maxBodyBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw new RpcException(StatusCode.ResourceExhausted, $"The request body is larger than {maxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void BindQuery(IQueryCollection query, HttpRouteMatch match, MessageDescriptor descriptor, IMessage message)
    {
        var bodyField = match.Route.Body;
        foreach (var (key, values) in query)
        {
            var name = key.EndsWith("[]", StringComparison.Ordinal) ? key[..^2] : key;
            if (match.PathValues.Any(p => p.Key == name) || (bodyField.Length > 0 && (name == bodyField || name.StartsWith(bodyField + ".", StringComparison.Ordinal))))
            {
                continue;
            }

            var field = FieldPaths.Resolve(descriptor, name);
            if (field is null)
            {
                continue;
            }

            if (!FieldValueBinder.IsBindable(field))
            {
                throw new RpcException(RpcStatus.InvalidArgument($"Query parameter '{key}' names a message field; send it in a JSON body.", (key, "not a primitive field")));
            }

            var all = field.IsRepeated
                ? values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList()
                : values.Select(v => v ?? string.Empty).ToList();
            if (!field.IsRepeated && all.Count > 1)
            {
                throw new RpcException(RpcStatus.InvalidArgument($"Query parameter '{key}' was given {all.Count} times but takes one value.", (key, "repeated value for a single field")));
            }

            foreach (var value in all)
            {
                FieldValueBinder.Bind(message, name, value, key);
            }
        }
    }
}
