using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Weave;

/// <summary>Weave's two error bodies (api-compat-spec 3.5): FastAPI's 422 detail list, and {"reason": "..."}.</summary>
internal static class WeaveErrorWriter
{
    public const string InternalError = "Internal server error";

    /// <summary>{"detail": [{"type", "loc", "msg", "input", "ctx"?}, ...]}.</summary>
    public static ReadOnlyMemory<byte> Detail(IReadOnlyList<PydanticError> errors)
    {
        var json = new SerdeJsonWriter(PythonJson.Response);
        json.StartObject();
        json.PropertyName("detail");
        json.StartArray();
        foreach (var error in errors)
        {
            json.StartObject();
            json.Property("type", error.Type);
            json.PropertyName("loc");
            json.StartArray();
            foreach (var step in error.Location)
            {
                if (step is string name)
                {
                    json.String(name);
                }
                else
                {
                    json.Integer(Convert.ToInt64(step, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            json.EndArray();
            json.Property("msg", error.Message);
            json.PropertyName("input");
            if (error.Input is { } input)
            {
                json.Json(input);
            }
            else
            {
                json.Null();
            }

            if (error.Context is { } context)
            {
                json.PropertyName("ctx");
                json.StartObject();
                foreach (var (key, value) in context)
                {
                    if (value is string text)
                    {
                        json.Property(key, text);
                    }
                    else
                    {
                        json.Property(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                json.EndObject();
            }

            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        return json.WrittenMemory;
    }

    /// <summary>
    /// The HTTP status and {"reason"} body of a failed call, with Weave's statuses: 400 for bad
    /// requests, 404, 403, 401, 413 for a body over the limit, 504 for a timeout, and 500 with
    /// a fixed text for anything unexpected (its details stay in our logs).
    /// </summary>
    public static (int Status, ReadOnlyMemory<byte> Body) Reason(RpcStatus status, bool tooLarge)
    {
        var httpStatus = tooLarge ? StatusCodes.Status413PayloadTooLarge : HttpStatusMapping.ToHttpStatus(status.Code);
        var message = httpStatus == StatusCodes.Status500InternalServerError ? InternalError : status.Message;
        var json = new SerdeJsonWriter(PythonJson.Response);
        json.StartObject();
        json.Property("reason", message);
        json.EndObject();
        return (httpStatus, json.WrittenMemory);
    }
}
