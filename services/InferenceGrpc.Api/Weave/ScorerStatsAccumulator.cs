using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// The scorer statistics of one evaluation (api-compat-spec 3.3 step 8): every leaf of every
/// score, walked through nested objects, counts toward its (scorer, dot-joined path)
/// dimension. A boolean leaf is a pass signal, a number a continuous value; other leaves
/// (strings, lists, null) are not counted, as in the seed version of Weave. The dimension's
/// value_type is that of the first leaf seen, and dimensions keep first-seen order.
/// </summary>
internal sealed class ScorerStatsAccumulator
{
    private readonly Dictionary<(string Scorer, string? Path), EvalResultsScorerStats> _byDimension = [];
    private readonly List<EvalResultsScorerStats> _order = [];

    public void Add(string scorerKey, Value? score) => Walk(scorerKey, score, []);

    /// <summary>The dimensions with their rates computed.</summary>
    public IEnumerable<EvalResultsScorerStats> Finish()
    {
        foreach (var stats in _order)
        {
            if (stats.PassKnownCount > 0)
            {
                stats.PassRate = (double)stats.PassTrueCount / stats.PassKnownCount;
            }

            if (stats.TrialCount > 0)
            {
                stats.PassSignalCoverage = (double)stats.PassKnownCount / stats.TrialCount;
            }
        }

        return _order;
    }

    private void Walk(string scorerKey, Value? value, List<string> path)
    {
        switch (value?.KindCase)
        {
            case Value.KindOneofCase.BoolValue:
                var binary = Dimension(scorerKey, path, "binary");
                binary.TrialCount++;
                binary.PassKnownCount++;
                if (value.BoolValue)
                {
                    binary.PassTrueCount++;
                }

                break;
            case Value.KindOneofCase.NumberValue:
                var continuous = Dimension(scorerKey, path, "continuous");
                continuous.TrialCount++;

                // Weave's running mean, step for step, so the floating-point result is the same.
                var total = (continuous.HasNumericMean ? continuous.NumericMean : 0.0) * continuous.NumericCount;
                continuous.NumericCount++;
                continuous.NumericMean = (total + value.NumberValue) / continuous.NumericCount;
                break;
            case Value.KindOneofCase.StructValue:
                foreach (var (key, item) in value.StructValue.Fields)
                {
                    Walk(scorerKey, item, [.. path, key]);
                }

                break;
        }
    }

    private EvalResultsScorerStats Dimension(string scorerKey, List<string> path, string valueType)
    {
        var dotted = path.Count == 0 ? null : string.Join('.', path);
        if (!_byDimension.TryGetValue((scorerKey, dotted), out var stats))
        {
            stats = new EvalResultsScorerStats { ScorerKey = scorerKey, ValueType = valueType };
            if (dotted is not null)
            {
                stats.Path = dotted;
            }

            _byDimension.Add((scorerKey, dotted), stats);
            _order.Add(stats);
        }

        return stats;
    }
}
