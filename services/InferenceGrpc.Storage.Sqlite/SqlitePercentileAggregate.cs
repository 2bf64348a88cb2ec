using InferenceGrpc.Storage.Metrics;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// <c>percentile_cont(value, fraction)</c> as an aggregate of the connection: the bundled SQLite
/// (e_sqlite3 3.50) has no percentile extension. SQLite runs it inside its GROUP BY like any
/// built-in aggregate, handing it each group's non-null values; it keeps them (8 bytes each) and
/// answers <see cref="PercentileCont"/> at the end of the group, exactly.
/// </summary>
internal static class SqlitePercentileAggregate
{
    public const string Name = "percentile_cont";

    public static void Register(SqliteConnection connection) =>
        connection.CreateAggregate<double?, double, Accumulator?, double?>(
            Name,
            null,
            static (accumulator, value, fraction) =>
            {
                // A fresh accumulator per group: a seed object would be shared by every group.
                accumulator ??= new Accumulator(fraction);
                if (value is { } present)
                {
                    accumulator.Values.Add(present);
                }

                return accumulator;
            },
            static accumulator => accumulator?.Result(),
            isDeterministic: true);

    internal sealed class Accumulator(double fraction)
    {
        public List<double> Values { get; } = [];

        public double? Result()
        {
            Values.Sort();
            return PercentileCont.OfSorted(Values, fraction);
        }
    }
}
