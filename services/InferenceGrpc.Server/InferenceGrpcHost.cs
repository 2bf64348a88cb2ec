using System.Net;
using System.Security.Cryptography.X509Certificates;
using InferenceGrpc.Api;
using InferenceGrpc.Conformance;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Server.Explorer;
using InferenceGrpc.Server.Observability;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InferenceGrpc.Server;

/// <summary>
/// Builds the service: Kestrel endpoints from <see cref="ServerOptions"/>, the protocol layer
/// and the services it serves. Program and the functional tests both start it through here.
/// </summary>
public sealed class InferenceGrpcHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Kind, ListenOptions Listen)> _listeners;

    private InferenceGrpcHost(WebApplication app, List<(string Kind, ListenOptions Listen)> listeners, string explorerDescription)
    {
        _app = app;
        _listeners = listeners;
        ExplorerDescription = explorerDescription;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The store in use, in words.</summary>
    public string StoreDescription => StorageRegistration.Describe(_app.Services);

    /// <summary>Where the web explorer is served from, or how to build it, in words.</summary>
    public string ExplorerDescription { get; }

    /// <summary>The bound addresses; ports chosen by the OS (port 0) are resolved after start.</summary>
    public ServerEndpoints Endpoints => new(Address("grpc", "http"), Address("http", "http"), Address("tls", "https"));

    public static InferenceGrpcHost Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits next to the binary; the working directory may be anywhere (make run uses the repository root).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var listeners = new List<(string Kind, ListenOptions Listen)>();
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureEndpoints(kestrel, options, listeners));

        builder.Services.Configure<GrpcServerOptions>(builder.Configuration.GetSection("Grpc"));
        builder.Services.Configure<GrpcServerOptions>(grpcOptions => grpcOptions.ExceptionMappers.Add(StoreFailureMapping.ToStatus));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddObservability(builder.Logging);
        builder.Services.AddInferenceStore(builder.Configuration);
        builder.Services.Configure<StoreHealthOptions>(builder.Configuration.GetSection(StoreHealthOptions.Section));
        builder.Services.AddSingleton<StoreAvailability>();
        builder.Services.AddHostedService<StoreHealthMonitor>();
        NetworkAccessPolicy.Apply(builder, options);
        var grpc = builder.Services.AddGrpcProtocol(o => o.OpenApiTitle = "InferenceGrpc").AddHealth().AddReflection()
            .AddInferenceApi(builder.Configuration);
        builder.Services.AddSingleton<ICallAuthorizer, StoreAvailabilityGate>();
        if (options.EnableConformanceServices ?? options.ListensOnLoopbackOnly)
        {
            grpc.AddConformanceServices();
        }

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            var origins = options.CorsOrigins.Where(o => o != "*").ToArray();
            (origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins)).WithGrpcWeb();
        }));

        // Last, so a caller (a test) can add to or override anything registered above.
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseCors();
        app.UseGrpcProtocol();
        app.MapObservability();
        app.MapOpenApiDocument();
        var explorer = app.UseExplorer(options.WebRoot);
        return new InferenceGrpcHost(app, listeners, explorer);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void ConfigureEndpoints(KestrelServerOptions kestrel, ServerOptions options, List<(string Kind, ListenOptions Listen)> listeners)
    {
        var address = IPAddress.Parse(options.Host);
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize;
        kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listeners.Add(("grpc", listen));
        });

        if (options.HttpPort >= 0)
        {
            kestrel.Listen(address, options.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listeners.Add(("http", listen));
            });
        }

        if (options.TlsPort >= 0)
        {
            var certificate = LoadCertificate(options);
            kestrel.Listen(address, options.TlsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
                listeners.Add(("tls", listen));
            });
        }
    }

    private static X509Certificate2 LoadCertificate(ServerOptions options)
    {
        if (!string.IsNullOrEmpty(options.TlsCertificatePath))
        {
            return options.TlsKeyPath is { Length: > 0 } keyPath
                ? X509Certificate2.CreateFromPemFile(options.TlsCertificatePath, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(options.TlsCertificatePath, password: null);
        }

        var certificate = DevelopmentCertificate.Create();
        if (!string.IsNullOrEmpty(options.SelfSignedCertificateOut))
        {
            DevelopmentCertificate.WritePem(certificate, options.SelfSignedCertificateOut);
        }

        return certificate;
    }

    private Uri? Address(string kind, string scheme)
    {
        var listen = _listeners.FirstOrDefault(l => l.Kind == kind).Listen;
        return listen?.IPEndPoint is { } endpoint ? new Uri($"{scheme}://{endpoint}") : null;
    }
}
