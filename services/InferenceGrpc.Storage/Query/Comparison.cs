namespace InferenceGrpc.Storage.Query;

public enum Comparison
{
    LessThan,
    LessThanOrEqual,
    Equal,
    GreaterThan,
    GreaterThanOrEqual,
    NotEqual,
}
