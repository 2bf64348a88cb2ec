using System.CommandLine;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Selection;

/// <summary>
/// The flags that say which inferences a command works on, shared by list, stream and export.
/// Every filter flag adds one leaf; the leaves and the filter file are ANDed.
/// </summary>
internal sealed class SelectionOptions
{
    public Option<string?> Function { get; } = new("--function", "-f") { Description = "Only this function." };

    public Option<string?> Variant { get; } = new("--variant") { Description = "Only this variant." };

    public Option<string?> Episode { get; } = new("--episode") { Description = "Only this episode (a UUID)." };

    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag comparison, key=value or key!=value; repeatable.", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Metrics { get; } = new("--metric") { Description = "A float metric comparison such as \"accuracy>=0.8\" (< <= = != > >=); repeatable." };

    public Option<string[]> BooleanMetrics { get; } = new("--bool-metric") { Description = "A boolean metric, name=true or name=false; repeatable." };

    public Option<string?> Since { get; } = new("--since") { Description = "Only inferences at or after this time (ISO 8601, UTC unless it says otherwise)." };

    public Option<string?> Until { get; } = new("--until") { Description = "Only inferences at or before this time." };

    public Option<bool?> Demonstration { get; } = new("--has-demonstration") { Description = "Only inferences with (true) or without (false) a demonstration." };

    public Option<string?> Search { get; } = new("--search") { Description = "A case-insensitive substring of the input or output." };

    public Option<FileInfo?> FilterFile { get; } = new("--filter-file") { Description = "A filter tree as inference.v1.InferenceFilter in proto3 JSON, e.g. {\"and\":{\"children\":[...]}}." };

    public Option<string[]> OrderBy { get; } = new("--order-by") { Description = "timestamp[:asc|desc], metric:NAME[:asc|desc] or relevance; repeatable, applied in order [default: newest first]." };

    public Option<string> OutputSource { get; } = new Option<string>("--output-source")
    {
        Description = "Which output to return: inference (the model's), demonstration (only inferences that have one) or none.",
        DefaultValueFactory = _ => "inference",
    }.AcceptOnlyFromAmong("inference", "demonstration", "none");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Function, Variant, Episode, Tags, Metrics, BooleanMetrics, Since, Until, Demonstration, Search, FilterFile, OrderBy, OutputSource })
        {
            command.Options.Add(option);
        }
    }

    public InferenceSelection Build(ParseResult parse)
    {
        var selection = new InferenceSelection { OutputSource = ParseOutputSource(parse.GetValue(OutputSource)) };
        if (parse.GetValue(Function) is { } function)
        {
            selection.FunctionName = function;
        }

        if (parse.GetValue(Variant) is { } variant)
        {
            selection.VariantName = variant;
        }

        if (parse.GetValue(Episode) is { } episode)
        {
            selection.EpisodeId = episode;
        }

        if (parse.GetValue(Search) is { } search)
        {
            selection.SearchQueryExperimental = search;
        }

        selection.OrderBy.AddRange((parse.GetValue(OrderBy) ?? []).Select(OrderByFlag.Parse));
        if (Filter(parse) is { } filter)
        {
            selection.Filters = filter;
        }

        return selection;
    }

    public static OutputSource ParseOutputSource(string? text) => text switch
    {
        "demonstration" => Contracts.V1.OutputSource.Demonstration,
        "none" => Contracts.V1.OutputSource.None,
        _ => Contracts.V1.OutputSource.Inference,
    };

    private InferenceFilter? Filter(ParseResult parse)
    {
        var leaves = new List<InferenceFilter>();
        if (parse.GetValue(FilterFile) is { } file)
        {
            leaves.Add(ReadFilterFile(file));
        }

        leaves.AddRange((parse.GetValue(Tags) ?? []).Select(FilterFlags.Tag));
        leaves.AddRange((parse.GetValue(Metrics) ?? []).Select(FilterFlags.Metric));
        leaves.AddRange((parse.GetValue(BooleanMetrics) ?? []).Select(FilterFlags.BooleanMetric));
        if (parse.GetValue(Since) is { } since)
        {
            leaves.Add(FilterFlags.Time(since, "--since", ComparisonOperator.GreaterThanOrEqual));
        }

        if (parse.GetValue(Until) is { } until)
        {
            leaves.Add(FilterFlags.Time(until, "--until", ComparisonOperator.LessThanOrEqual));
        }

        if (parse.GetValue(Demonstration) is { } hasDemonstration)
        {
            leaves.Add(new InferenceFilter { DemonstrationFeedback = new DemonstrationFeedbackFilter { HasDemonstration = hasDemonstration } });
        }

        return leaves.Count switch
        {
            0 => null,
            1 => leaves[0],
            _ => new InferenceFilter { And = new AndFilter { Children = { leaves } } },
        };
    }

    private static InferenceFilter ReadFilterFile(FileInfo file)
    {
        try
        {
            return JsonParser.Default.Parse<InferenceFilter>(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new CliUsageException($"--filter-file {file}: {ex.Message}");
        }
    }
}
