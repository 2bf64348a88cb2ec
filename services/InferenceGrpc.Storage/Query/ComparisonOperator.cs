namespace InferenceGrpc.Storage.Query;

public enum ComparisonOperator
{
    LessThan,
    LessThanOrEqual,
    Equal,
    GreaterThan,
    GreaterThanOrEqual,
    NotEqual,
}
