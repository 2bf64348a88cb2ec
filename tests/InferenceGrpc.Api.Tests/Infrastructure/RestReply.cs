using System.Net;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>A REST reply: status, body text and Content-Type.</summary>
public sealed record RestReply(HttpStatusCode Status, string Body, string? ContentType);
