namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// How a <see cref="ScalarFilter"/> compares. Text compares ordinally and case-sensitively.
/// SQL semantics: a null operand matches nothing but <see cref="IsNull"/>, negative operators
/// included (NOT_EQUAL 'a' does not match a row without a value).
/// </summary>
public enum MetricsOperator
{
    Equal,
    NotEqual,
    In,
    NotIn,
    Contains,
    NotContains,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    GreaterThan,
    LessThan,
    GreaterThanOrEqual,
    LessThanOrEqual,

    /// <summary>Inclusive at both ends: Values holds [low, high].</summary>
    Between,
    IsNull,
    IsNotNull,
}
