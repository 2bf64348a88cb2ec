using System.Text.Json;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Conformance;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.SampleData;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>
/// The service as a process on a store seeded with sample data, serving the web explorer freshly
/// built from clients/web, and the browser drivers (Debian's headless Chromium: tests/browser/run.mjs
/// running connect-web, tests/browser/explorer.mjs using the explorer) each run against it once,
/// on first use. The service runs as a process, built and seeded as a user would run it, so the
/// page talks to the same program that ships; the seed is deterministic, so the cases can rely on
/// its functions, tags and metrics. The same sample data also goes into project "explorer/sample":
/// Weave's eval_results query names its project as entity/project, so the explorer's comparison
/// view needs an entity/project tenant (the fixture passes it and two runs' ids to explorer.mjs),
/// and the detail view's feedback case the ids of inferences with known feedback. Project
/// "explorer/runs" holds more evaluation runs than the comparison's run picker lists at once, so
/// its "More runs" button has a page to load.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const int SeededInferences = 2000;
    private const int SampleSeed = 42;
    private const string EvaluationProject = "explorer/sample";
    private const string ManyRunsProject = "explorer/runs";

    // More than the 50 runs a page of the explorer's run picker holds.
    private const int ManyRuns = 60;
    private static readonly TimeSpan SeedLimit = TimeSpan.FromMinutes(2);

    // The page bounds each case at 30 s and itself at 150 s; Chromium's start comes on top.
    private static readonly TimeSpan DriverLimit = TimeSpan.FromMinutes(4);

    // buf generate, tsc and vite build: seconds, unless the machine is busy.
    private static readonly TimeSpan ExplorerBuildLimit = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("inferencegrpc-browser-").FullName;
    private readonly string _explorerDirectory = Directory.CreateTempSubdirectory("inferencegrpc-explorer-").FullName;
    private readonly Lazy<Task<IReadOnlyList<PeerCaseResult>>> _results;
    private readonly Lazy<Task<IReadOnlyList<PeerCaseResult>>> _explorerResults;
    private ServerProcess? _server;

    public BrowserFixture()
    {
        // The conformance peers' flags for run.mjs; it needs only --http (gRPC-Web on HTTP/1.1).
        _results = new(() => RunDriverAsync("run.mjs", "--grpc", Server.Grpc.Authority, "--protos", RepositoryPaths.Protos));
        _explorerResults = new(() =>
        {
            var seeded = SeededRecords();
            return RunDriverAsync(
                "explorer.mjs", "--eval-project", EvaluationProject, "--eval-runs", string.Join(',', ComparedRunIds(seeded)),
                "--feedback-inferences", string.Join(',', FeedbackInferenceIds(seeded)), "--runs-project", ManyRunsProject);
        });
    }

    private ServerProcess Server => _server ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync()
    {
        await SeedAsync("default");
        await SeedAsync(EvaluationProject);
        await BuildExplorerAsync();
        _server = await ServerProcess.StartAsync(_dataDirectory, $"--Server:WebRoot={_explorerDirectory}");
        await WriteManyRunsAsync();
    }

    /// <summary>The query page's cases (tests/browser/run.mjs), one per JSON line it printed.</summary>
    public Task<IReadOnlyList<PeerCaseResult>> ResultsAsync() => _results.Value;

    /// <summary>The explorer's cases (tests/browser/explorer.mjs), one per JSON line it printed.</summary>
    public Task<IReadOnlyList<PeerCaseResult>> ExplorerResultsAsync() => _explorerResults.Value;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
        Directory.Delete(_explorerDirectory, recursive: true);
    }

    /// <summary>The same deterministic sample data the seed command loads.</summary>
    private static List<Record> SeededRecords() =>
        new SampleDataGenerator(new SampleDataOptions { InferenceCount = SeededInferences, Seed = SampleSeed }).GenerateRecords().ToList();

    /// <summary>Two evaluation runs of the seeded data on the same evaluation (so they share dataset rows).</summary>
    private static IEnumerable<string> ComparedRunIds(List<Record> seeded)
    {
        var runs = seeded
            .Where(record => record.KindCase == Record.KindOneofCase.EvaluationRun)
            .Select(record => record.EvaluationRun);
        return runs.GroupBy(run => run.EvaluationRef).First(group => group.Count() >= 2).Take(2).Select(run => run.Id);
    }

    /// <summary>
    /// Two seeded inferences with a comment: the first with metric values of its own, the first
    /// whose episode has metric values (so the page marks them episode-level).
    /// </summary>
    private static IEnumerable<string> FeedbackInferenceIds(List<Record> seeded)
    {
        var feedback = seeded.Where(record => record.KindCase == Record.KindOneofCase.Feedback).ToLookup(record => record.Feedback.TargetId, record => record.Feedback);
        bool HasMetric(string target) => feedback[target].Any(f => f.MetricName.Length > 0);
        var commented = seeded
            .Where(record => record.KindCase == Record.KindOneofCase.Inference)
            .Select(record => record.Inference)
            .Where(inference => feedback[inference.Id].Any(f => f.ValueCase == Feedback.ValueOneofCase.Comment))
            .ToList();
        return [commented.First(inference => HasMetric(inference.Id)).Id, commented.First(inference => HasMetric(inference.EpisodeId)).Id];
    }

    /// <summary>Runs only (no trials), an hour apart, through the ingestion API.</summary>
    private async Task WriteManyRunsAsync()
    {
        using var channel = new GrpcChannel(Server.Grpc);
        var request = new WriteRecordsRequest { Project = ManyRunsProject };
        var first = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        request.Records.Add(Enumerable.Range(0, ManyRuns).Select(i => new Record
        {
            EvaluationRun = new EvaluationRun
            {
                Id = $"run-{i:D3}",
                DisplayName = $"many runs #{i}",
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(first.AddHours(i)),
            },
        }));
        await channel.UnaryAsync(new Method<WriteRecordsRequest, WriteRecordsResponse>(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords"), request);
    }

    private async Task SeedAsync(string project)
    {
        var seed = await ExternalProcess.RunAsync(
            "dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "InferenceGrpc.Server.dll"), "seed",
                "--count", SeededInferences.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed", SampleSeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--project", project,
                $"--Storage:Sqlite:DataDirectory={_dataDirectory}",
            ],
            SeedLimit);
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed of '{project}' failed (exit {seed.ExitCode}): {seed.StandardError}");
        }
    }

    /// <summary>
    /// Builds the explorer from the current sources (protos included) into a directory of its own,
    /// so the tests never see a stale clients/web/dist and never overwrite the one `make run` serves.
    /// </summary>
    private async Task BuildExplorerAsync()
    {
        var build = await ExternalProcess.RunAsync(
            "npm",
            ["--prefix", "clients/web", "run", "build", "--", "--outDir", _explorerDirectory, "--emptyOutDir"],
            ExplorerBuildLimit);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the explorer did not build (exit {build.ExitCode}); scripts/install-test-deps.sh installs its npm packages. {build.StandardOutput} {build.StandardError}");
        }
    }

    private async Task<IReadOnlyList<PeerCaseResult>> RunDriverAsync(string driver, params string[] arguments)
    {
        var result = await ExternalProcess.RunAsync("node", [$"tests/browser/{driver}", "--http", Server.Http.Authority, .. arguments], DriverLimit);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tests/browser/{driver} crashed (exit {result.ExitCode}); scripts/install-test-deps.sh installs Chromium and its npm packages. {result.StandardError}");
        }

        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonSerializer.Deserialize<PeerCaseResult>(line)!)
            .ToList();
    }
}
