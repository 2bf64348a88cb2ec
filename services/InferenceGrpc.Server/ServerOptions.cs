using System.Net;

namespace InferenceGrpc.Server;

/// <summary>The "Server" configuration section: where the service listens.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>The address to bind. Defaults to 127.0.0.1, so nothing is exposed by accident.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Cleartext HTTP/2 (h2c) port for gRPC. Defaults to 50051; 0 picks a free port. Kestrel
    /// cannot tell HTTP/1.1 from h2c on one cleartext port, hence two ports without TLS.
    /// </summary>
    public int GrpcPort { get; set; } = 50051;

    /// <summary>Cleartext HTTP/1.1 port for browsers, gRPC-Web and REST. Defaults to 8080; 0 picks a free port; -1 turns it off.</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>
    /// TLS port serving everything (HTTP/2 and HTTP/1.1 chosen by ALPN). Defaults to -1 (off);
    /// 0 picks a free port.
    /// </summary>
    public int TlsPort { get; set; } = -1;

    /// <summary>A PFX or PEM certificate for the TLS port. When empty, a self-signed certificate is made at start.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The PEM private key, when <see cref="TlsCertificatePath"/> is a PEM certificate.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>Where to write the self-signed certificate (PEM), so clients can trust it. Optional.</summary>
    public string? SelfSignedCertificateOut { get; set; }

    /// <summary>
    /// Serve the conformance test services (echo, bookshelf), which the wire tests and the
    /// benchmark call. Not set (the default): served only while <see cref="Host"/> is loopback,
    /// the development mode; on a network address they are off unless set to true, because a
    /// caller could ask them to stream any amount of data.
    /// </summary>
    public bool? EnableConformanceServices { get; set; }

    /// <summary>True when <see cref="Host"/> is a loopback address: only this machine can call.</summary>
    public bool ListensOnLoopbackOnly => IPAddress.TryParse(Host, out var address) && IPAddress.IsLoopback(address);

    /// <summary>
    /// The built web explorer to serve at /, relative to the content root. Empty (the default):
    /// clients/web/dist found above the content root or the program.
    /// </summary>
    public string? WebRoot { get; set; }

    /// <summary>Origins allowed to call from a browser; "*" or empty allows any origin.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>The request headers' total size; larger requests get 431 (HTTP/1.1) or a refused stream (HTTP/2). Defaults to 32 KiB, Kestrel's own default, stated here so it is configurable.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Concurrent streams (calls) one HTTP/2 connection may have open. Defaults to 100, as Kestrel and most gRPC servers do.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;
}
