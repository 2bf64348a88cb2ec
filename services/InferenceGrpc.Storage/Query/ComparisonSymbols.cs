namespace InferenceGrpc.Storage.Query;

public static class ComparisonSymbols
{
    /// <summary>The SQL symbol of a comparison; "!=" is understood by both SQLite and Cosmos DB SQL.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.LessThan => "<",
        Comparison.LessThanOrEqual => "<=",
        Comparison.Equal => "=",
        Comparison.GreaterThan => ">",
        Comparison.GreaterThanOrEqual => ">=",
        Comparison.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
