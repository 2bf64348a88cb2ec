using System.Net;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Mutation;
using InferenceGrpc.Storage;

namespace InferenceGrpc.FuzzTests.Infrastructure;

/// <summary>
/// What a write must leave behind: a rejected request nothing at all (the store digest is
/// unchanged), an accepted batch every one of its inferences, readable by the ids the reply gave.
/// </summary>
public sealed class WriteOutcomeCheck(FuzzServer server, FuzzTarget target)
{
    private static readonly string[] Projects = ["default", "fuzz"];
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private string? _digest;

    public async Task<string?> CheckAsync(byte[] input, FuzzReply reply)
    {
        _digest ??= await server.StoreDigestAsync(Projects);
        var before = _digest;
        _digest = await server.StoreDigestAsync(Projects);
        var accepted = target.Wire is Wire.RestPost ? reply.Status == HttpStatusCode.OK : reply.GrpcStatus == "0";
        if (!accepted)
        {
            // A client stream commits batch by batch, so a rejection after the first may keep earlier ones.
            var clientStream = target.Path.EndsWith("/StreamRecords", StringComparison.Ordinal);
            var oneBatch = !clientStream || GrpcFrames.Split(input) is { Count: <= 1 };
            return oneBatch && before != _digest ? "a rejected write changed the store" : null;
        }

        return await MissingInferencesAsync(input, reply);
    }

    private async Task<string?> MissingInferencesAsync(byte[] input, FuzzReply reply)
    {
        if (!target.Path.EndsWith("WriteRecords", StringComparison.Ordinal) && !target.Path.EndsWith("records:write", StringComparison.Ordinal))
        {
            return null;
        }

        var response = Parse(() => target.Wire is Wire.RestPost
            ? Json.Parse<WriteRecordsResponse>(System.Text.Encoding.UTF8.GetString(reply.Body))
            : WriteRecordsResponse.Parser.ParseFrom(reply.Messages.Single()));
        if (response is null)
        {
            return "an accepted write's reply is not a WriteRecordsResponse";
        }

        // Only a request we can read the same way tells which ids are inferences.
        var request = Parse(() => target.Wire is Wire.RestPost
            ? Json.Parse<WriteRecordsRequest>(System.Text.Encoding.UTF8.GetString(input))
            : GrpcFrames.Split(input) is [{ Flags: 0 } frame] ? WriteRecordsRequest.Parser.ParseFrom(frame.Payload) : null);
        if (request is null || response.Ids.Count != request.Records.Count)
        {
            return null;
        }

        var ids = request.Records.Select((record, i) => (record, i)).Where(r => r.record.Inference is not null).Select(r => response.Ids[r.i]).Distinct().ToList();
        var found = new HashSet<string>();
        foreach (var project in Projects.Append(request.Project).Where(p => TenantId.TryParse(p, out _)).Distinct())
        {
            var got = await server.CallAsync<GetInferencesResponse>(
                "/inference.v1.InferenceQueryService/GetInferences", new GetInferencesRequest { Project = project, Ids = { ids } });
            found.UnionWith(got.Inferences.Select(i => i.Inference.Id));
        }

        return found.Count == ids.Count ? null : $"an accepted batch of {ids.Count} inferences left {ids.Count - found.Count} unreadable";
    }

    private static T? Parse<T>(Func<T?> parse)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
