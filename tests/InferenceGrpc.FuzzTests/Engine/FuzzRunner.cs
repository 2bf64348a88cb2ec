using InferenceGrpc.FuzzTests.Infrastructure;
using InferenceGrpc.FuzzTests.Mutation;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// Runs a target's seeds, then <see cref="FuzzSettings.Count"/> generated inputs, one at a time,
/// and reports each input that broke a rule with everything needed to replay it.
/// </summary>
public sealed class FuzzRunner(FuzzServer server, FuzzSettings settings)
{
    /// <summary>Grpc:MaxReceiveMessageSize (4 MiB), the most the server buffers of a request.</summary>
    private const int RefusedUploadBytes = 4 * 1024 * 1024;

    /// <summary>A check of the server's state after one input, such as "a rejected batch left the store unchanged".</summary>
    public delegate Task<string?> Invariant(byte[] input, FuzzReply reply);

    public async Task<List<string>> RunAsync(FuzzTarget target, Invariant? invariant = null)
    {
        var seeds = target.Seeds.ToList();
        if (target.LiveSeeds is not null)
        {
            seeds.AddRange(await target.LiveSeeds(server.Client));
        }

        var random = new Random(settings.SeedFor(target.Name));
        var failures = new List<string>();
        for (var i = 0; i < seeds.Count + settings.Count; i++)
        {
            // The seeds go first, unmutated: a valid input must pass before bad ones mean anything.
            var input = i < seeds.Count ? seeds[i] : InputGenerator.Next(random, target.Shape, seeds);
            if (await CheckAsync(target, input, invariant) is { } problem)
            {
                failures.Add($"target {target.Name}, input #{i} (FUZZ_SEED={settings.Seed}): {problem}\n  corpus file (replay):\n{target.Name}\n{Convert.ToBase64String(input)}");
            }
        }

        if (!await server.IsServingAsync())
        {
            failures.Add($"target {target.Name}: the health check is not SERVING after the run");
        }

        return failures;
    }

    /// <summary>Sends one input; the problem with the reply or the server's state, or null.</summary>
    public async Task<string?> CheckAsync(FuzzTarget target, byte[] input, Invariant? invariant = null)
    {
        var logged = server.ErrorLog.Count;
        FuzzReply? reply = null;
        string? problem;
        try
        {
            reply = await server.Client.SendAsync(target, input);
            problem = ReplyCheck.Problem(target, reply);
        }
        catch (HttpRequestException) when (input.Length > RefusedUploadBytes)
        {
            // The server answered an upload over its limit and closed the connection, as HTTP
            // allows; the client may see that as a broken pipe instead of the answer.
            problem = null;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or InvalidDataException or FormatException)
        {
            problem = $"no proper answer: {ex.GetType().Name}: {ex.Message} {ex.InnerException?.Message}";
        }

        if (problem is null && invariant is not null)
        {
            try
            {
                problem = await invariant(input, reply!);
            }
            catch (InvalidOperationException ex)
            {
                problem = "checking the store afterwards failed: " + ex.Message;
            }
        }

        var errors = server.ErrorLog.Since(logged);
        if (errors.Count > 0)
        {
            problem = $"{problem}{(problem is null ? "" : "; ")}the server logged an error: {errors[0]}";
        }

        return problem is null ? null : $"{problem}\n  reply: {reply?.ToString() ?? "none"}";
    }
}
