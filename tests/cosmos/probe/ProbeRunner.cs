using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;

namespace CosmosProbe;

/// <summary>
/// Runs probes one by one: prints a PASS or FAIL line for each and keeps the counts.
/// </summary>
internal static class ProbeRunner
{
    internal static int Passed { get; private set; }

    internal static int Failed { get; private set; }

    internal static async Task ExpectStatusAsync<T>(string name, HttpStatusCode status, Func<Task<T>> action) =>
        await RunProbeAsync(name, async () =>
        {
            try
            {
                await action();
                return "no error";
            }
            catch (CosmosException e) when (e.StatusCode == status)
            {
                return null;
            }
            catch (CosmosException e)
            {
                return $"status {(int)e.StatusCode} {e.StatusCode}, want {(int)status}";
            }
        });

    /// <summary>Runs one probe; the body returns null on success or a failure description.</summary>
    internal static async Task RunProbeAsync(string name, Func<Task<string?>> body)
    {
        var sw = Stopwatch.StartNew();
        string? error;
        try
        {
            error = await body();
        }
        catch (Exception e) when (e is CosmosException or InvalidOperationException or ArgumentException
            or Newtonsoft.Json.JsonException or NotSupportedException or FormatException or HttpRequestException)
        {
            error = e is CosmosException ce
                ? $"{ce.GetType().Name} {(int)ce.StatusCode} {FirstLine(ce.ResponseBody ?? ce.Message)}"
                : $"{e.GetType().Name}: {FirstLine(e.Message)}";
        }

        var ms = sw.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
        if (error is null)
        {
            Passed++;
            Console.WriteLine($"PASS {name} ({ms} ms)");
        }
        else
        {
            Fail(name, error);
        }
    }

    internal static void Fail(string name, string error)
    {
        Failed++;
        Console.WriteLine($"FAIL {name}: {error}");
    }

    internal static string FirstLine(string s)
    {
        var line = s.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
