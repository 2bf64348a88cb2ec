using Google.Api;
using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// Every REST route, read from the google.api.http options of the bound methods at start-up and
/// checked then: a rule that names a missing field, binds a repeated or message field from the
/// path, or annotates a client-streaming method stops start-up with a clear message.
/// </summary>
internal sealed class HttpRouteTable
{
    private readonly List<HttpRoute> _routes;

    public HttpRouteTable(ServiceMethodRegistry registry)
    {
        _routes = registry.Methods.Values
            .SelectMany(RoutesOf)
            .OrderByDescending(r => r.Template.Specificity.Literals)
            .ThenBy(r => r.Template.Specificity.HasCatchAll)
            .ThenByDescending(r => r.Template.Specificity.Segments)
            .ToList();
    }

    public IReadOnlyList<HttpRoute> Routes => _routes;

    public HttpRouteMatch? Match(string httpMethod, string path)
    {
        foreach (var route in _routes)
        {
            if (string.Equals(route.HttpMethod, httpMethod, StringComparison.OrdinalIgnoreCase) && route.Template.Match(path) is { } values)
            {
                return new HttpRouteMatch(route, values);
            }
        }

        return null;
    }

    private static IEnumerable<HttpRoute> RoutesOf(ServiceMethodInvoker invoker)
    {
        var rule = invoker.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            return [];
        }

        if (invoker.Descriptor.IsClientStreaming)
        {
            throw new InvalidOperationException($"{invoker.Descriptor.FullName} streams requests and cannot have a google.api.http rule: REST carries one request.");
        }

        return new[] { rule }.Concat(rule.AdditionalBindings).Select(r => CreateRoute(invoker, r));
    }

    private static HttpRoute CreateRoute(ServiceMethodInvoker invoker, HttpRule rule)
    {
        var method = invoker.Descriptor;
        var (verb, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            _ => throw new InvalidOperationException($"The google.api.http rule of {method.FullName} has no HTTP method."),
        };

        var template = HttpRuleTemplate.Parse(path);
        foreach (var fieldPath in template.FieldPaths)
        {
            var field = FieldPaths.Resolve(method.InputType, fieldPath)
                ?? throw new InvalidOperationException($"The path of {method.FullName} binds '{fieldPath}', which {method.InputType.Name} does not have.");
            if (field.IsRepeated || field.FieldType == FieldType.Message)
            {
                throw new InvalidOperationException($"The path of {method.FullName} binds '{fieldPath}', which is not a single primitive field.");
            }
        }

        if (rule.Body is not ("" or "*") && method.InputType.FindFieldByName(rule.Body) is null)
        {
            throw new InvalidOperationException($"The body of {method.FullName} is '{rule.Body}', which {method.InputType.Name} does not have.");
        }

        FieldDescriptor? responseBody = null;
        if (rule.ResponseBody.Length > 0)
        {
            responseBody = method.OutputType.FindFieldByName(rule.ResponseBody)
                ?? throw new InvalidOperationException($"The response_body of {method.FullName} is '{rule.ResponseBody}', which {method.OutputType.Name} does not have.");
        }

        return new HttpRoute(verb, template, rule.Body, responseBody, invoker);
    }
}
