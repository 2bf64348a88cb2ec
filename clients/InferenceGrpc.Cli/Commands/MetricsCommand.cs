using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Cli.Selection;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl metrics</c>: TrueFoundry's gateway metrics query (aggregations computed in the
/// store), as a distribution, or as a timeseries with <c>--interval</c>.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Window start, ISO 8601, inclusive.", Required = true };
        var to = new Option<string>("--to") { Description = "Window end, ISO 8601, exclusive.", Required = true };
        var interval = new Option<string?>("--interval") { Description = "Bucket width for a timeseries, e.g. \"1 hour\", \"5 minute\"; without it, a distribution." };
        var aggregations = new Option<string[]>("--agg") { Description = "TYPE:COLUMN, e.g. p99:latencyMs, sum:costInUSD, countDistinct:modelName; repeatable." };
        var groupBy = new Option<string[]>("--group-by") { Description = "A dimension, e.g. modelName, team, virtualModel; repeatable." };
        var where = new Option<string[]>("--where") { Description = "FIELD:OPERATOR:VALUE, e.g. modelName:IN:gpt-4o,gpt-4, meta.env:IN:prod; repeatable, ANDed." };
        var format = new Option<OutputFormat>("--output", "-o") { Description = "table, or json (the reply as proto3 JSON).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("metrics", "Aggregate gateway metrics (latency, tokens, cost) by model, team and time.") { from, to, interval, aggregations, groupBy, where, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new QueryMetricsRequest { StartTs = parse.GetValue(from)!, EndTs = parse.GetValue(to)!, Datasource = "modelMetrics" };
            var bucket = parse.GetValue(interval);
            (request.Type, request.Interval) = bucket is null ? ("distribution", "") : ("timeseries", bucket);
            request.Aggregations.AddRange((parse.GetValue(aggregations) ?? []).Select(Aggregation));
            request.GroupBy.AddRange(parse.GetValue(groupBy) ?? []);
            request.Filters.AddRange((parse.GetValue(where) ?? []).Select(MetricsFilterFlag.Parse));
            using var client = connection.Connect(parse, cancellationToken);
            var reply = await client.MetricsAsync(request);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                console.Output.WriteLine(JsonFormatter.Default.Format(reply));
            }
            else
            {
                console.OutputConsole().Write(Table(reply, bucket is not null));
                console.Error.WriteLine($"{reply.DataPoints.Count} data point(s).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static MetricsQueryAggregation Aggregation(string text) =>
        text.Split(':') is [{ Length: > 0 } type, { Length: > 0 } column]
            ? new MetricsQueryAggregation { Type = type, Column = column }
            : throw new CliUsageException($"--agg '{text}': write TYPE:COLUMN, e.g. p99:latencyMs.");

    private static Table Table(QueryMetricsResponse reply, bool timeseries)
    {
        var first = reply.DataPoints.FirstOrDefault();
        var table = new Table().Border(TableBorder.Simple);
        if (timeseries)
        {
            table.AddColumn(new TableColumn("start (UTC)").NoWrap());
        }

        foreach (var column in (first?.Groups.Select(g => g.Key) ?? []).Append("total").Concat(first?.Values.Select(v => v.Key) ?? []))
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).NoWrap());
        }

        foreach (var point in reply.DataPoints)
        {
            IEnumerable<string> cells = point.Groups.Select(g => g.HasValue ? g.Value : "null")
                .Append(point.Total.ToString(CultureInfo.InvariantCulture))
                .Concat(point.Values.Select(v => v.HasValue ? v.Value.ToString("G6", CultureInfo.InvariantCulture) : "null"));
            if (timeseries)
            {
                cells = cells.Prepend(point.StartTimestamp?.ToDateTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }
}
