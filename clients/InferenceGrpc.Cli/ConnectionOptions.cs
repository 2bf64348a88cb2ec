using System.CommandLine;
using InferenceGrpc.Client;

namespace InferenceGrpc.Cli;

/// <summary>
/// Where the service is and who is calling: flags on every command, each with an environment
/// variable behind it so scripts and shells set them once. The key is never shown in help.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string AddressVariable = "INFERENCEGRPC_ADDRESS";
    public const string ApiKeyVariable = "INFERENCEGRPC_API_KEY";
    public const string ProjectVariable = "INFERENCEGRPC_PROJECT";
    private const string DefaultAddress = "http://127.0.0.1:50051";

    // Unary calls answer in milliseconds; a minute means the server is stuck, not slow.
    private static readonly TimeSpan DefaultUnaryTimeout = TimeSpan.FromMinutes(1);

    private readonly Func<string, string?> _environment;

    public ConnectionOptions(Func<string, string?> environment)
    {
        _environment = environment;
        Address = new Option<string?>("--address")
        {
            Description = $"The service's gRPC address [env: {AddressVariable}; default: {DefaultAddress}]. With --grpc-web, its HTTP address.",
            Recursive = true,
        };
        ApiKey = new Option<string?>("--api-key") { Description = $"The API key, sent as a bearer token [env: {ApiKeyVariable}].", Recursive = true };
        Project = new Option<string?>("--project", "-p") { Description = $"The project (tenant) [env: {ProjectVariable}; default: the API key's project, or \"default\" without a key].", Recursive = true };
        GrpcWeb = new Option<bool>("--grpc-web") { Description = "Call over gRPC-Web (HTTP/1.1), as a browser does, instead of HTTP/2 gRPC.", Recursive = true };
        Timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "A deadline for each call, e.g. 500ms, 30s, 5m [default: 1m for single calls, none for streams].",
            Recursive = true,
            CustomParser = DurationParser.Parse,
        };
    }

    public Option<string?> Address { get; }

    public Option<string?> ApiKey { get; }

    public Option<string?> Project { get; }

    public Option<bool> GrpcWeb { get; }

    public Option<TimeSpan?> Timeout { get; }

    public IEnumerable<Option> All => [Address, ApiKey, Project, GrpcWeb, Timeout];

    /// <summary>Opens a connection as the parsed flags and the environment say.</summary>
    public ServiceClient Connect(ParseResult parse, CancellationToken cancellationToken)
    {
        var text = parse.GetValue(Address) ?? _environment(AddressVariable) ?? DefaultAddress;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"The address '{text}' is not an http:// or https:// URL.");
        }

        var channel = new GrpcChannel(address, new GrpcChannelOptions { UseGrpcWeb = parse.GetValue(GrpcWeb), UserAgent = "inferencectl" });
        var headers = new Protocol.Metadata();
        if ((parse.GetValue(ApiKey) ?? _environment(ApiKeyVariable)) is { Length: > 0 } key)
        {
            headers.Add("authorization", "Bearer " + key);
        }

        var timeout = parse.GetValue(Timeout);
        // Without a project the server picks the key's own project (or "default" without a key).
        var project = parse.GetValue(Project) ?? _environment(ProjectVariable) ?? "";
        return new ServiceClient(
            channel,
            project,
            unary: new CallOptions { Headers = headers, Timeout = timeout ?? DefaultUnaryTimeout, CancellationToken = cancellationToken },
            streaming: new CallOptions { Headers = headers, Timeout = timeout, CancellationToken = cancellationToken });
    }
}
