using System.Globalization;
using System.Text.Json;

namespace InferenceGrpc.Benchmarks;

/// <summary>The benchmark's output: rows printed as one table at the end and written as JSON.</summary>
internal sealed class ResultTable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly List<Row> _rows = [];

    public void Add(string scenario, string measure, double median, double min, double max, string unit, string? comparison = null) =>
        _rows.Add(new Row(scenario, measure, median, min, max, unit, comparison));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"scenario",-42} {"measure",-20} {"median",12} {"min",12} {"max",12} {"unit",-10} vs floor / note"));
        foreach (var row in _rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Scenario,-42} {row.Measure,-20} {row.Median,12:N2} {row.Min,12:N2} {row.Max,12:N2} {row.Unit,-10} {row.Comparison}"));
        }
    }

    public void WriteJson(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new { date = DateTimeOffset.UtcNow, cores = Environment.ProcessorCount, rows = _rows }, Indented));
    }

    private sealed record Row(string Scenario, string Measure, double Median, double Min, double Max, string Unit, string? Comparison);
}
