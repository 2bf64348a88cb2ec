using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>One REST binding of a method, from its google.api.http rule or an additional binding.</summary>
public sealed class HttpRoute
{
    internal HttpRoute(string httpMethod, HttpRuleTemplate template, string body, FieldDescriptor? responseBody, ServiceMethodInvoker invoker)
    {
        HttpMethod = httpMethod;
        Template = template;
        Body = body;
        ResponseBody = responseBody;
        Invoker = invoker;
    }

    /// <summary>GET, POST, PUT, DELETE, PATCH or a custom verb, upper case.</summary>
    public string HttpMethod { get; }

    public HttpRuleTemplate Template { get; }

    /// <summary>"*" for the whole request, a top-level field name, or empty for no body.</summary>
    public string Body { get; }

    /// <summary>The response field sent as the body instead of the whole response; null for the whole.</summary>
    public FieldDescriptor? ResponseBody { get; }

    public MethodDescriptor Method => Invoker.Descriptor;

    internal ServiceMethodInvoker Invoker { get; }

    public override string ToString() => $"{HttpMethod} {Template} -> {Method.FullName}";
}
