using InferenceGrpc.Api.Weave;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>Float formatting against Python's repr(), goldens from python3.</summary>
public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(2.2250738585072014e-308, "2.2250738585072014e-308")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(-1e-10, "-1e-10")]
    [InlineData(2.0 / 3, "0.6666666666666666")]
    [InlineData(1e21, "1e+21")]
    [InlineData(12345678.9, "12345678.9")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(9.999999999999999e-5, "9.999999999999999e-05")]
    [InlineData(1e100, "1e+100")]
    [InlineData(4.35, "4.35")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Repr_Value_IsPythonsRepr(double value, string python) => Assert.Equal(python, PythonFloat.Repr(value));

    [Theory]
    [InlineData(4.0, "4")]
    [InlineData(-3.0, "-3")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(18014398509481984.0, "1.8014398509481984e+16")]
    [InlineData(2.5, "2.5")]
    public void JsonNumber_StoredJsonNumber_IntegerWhenExactlyIntegralElseFloat(double value, string python) =>
        Assert.Equal(python, PythonFloat.JsonNumber(value));
}
