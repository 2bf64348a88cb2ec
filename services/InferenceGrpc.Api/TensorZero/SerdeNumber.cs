using System.Globalization;
using System.Numerics;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>A JSON number as serde_json holds it: an integer (u64 or i64) or an f64.</summary>
internal readonly record struct SerdeNumber(BigInteger? Integer, double? Float)
{
    public string Describe() => Integer is { } integer
        ? $"integer `{integer.ToString(CultureInfo.InvariantCulture)}`"
        : $"floating point `{SerdeNumbers.Float64(Float!.Value)}`";
}
