using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.Galtea;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>The Galtea JSON's number layout (JavaScript's) and its actualOutput text, unit by unit.</summary>
public sealed class GalteaFormattingTests
{
    [Theory]
    [InlineData(150.0, "150")]
    [InlineData(150.5, "150.5")]
    [InlineData(0.0, "0")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000025, "0.0000025")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.25e25, "1.25e+25")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void Format_AnyDouble_AsJavaScriptWritesIt(double value, string expected) =>
        Assert.Equal(expected, EcmaScriptNumbers.Format(value));

    [Fact]
    public void Format_NegativeZero_Zero() => Assert.Equal("0", EcmaScriptNumbers.Format(-0.0));

    [Theory]
    [InlineData("\"plain text\"", "plain text")]
    [InlineData("""[{"type":"text","text":"Hello "},{"type":"text","text":"world"}]""", "Hello world")]
    [InlineData("""{"raw":"{\"a\":1}","parsed":{"a":1}}""", "{\"a\":1}")]
    [InlineData("""[{"type":"tool_call","name":"f"}]""", """[{"type":"tool_call","name":"f"}]""")]
    [InlineData("""{"answer":0.5,"n":2}""", """{"answer":0.5,"n":2}""")]
    [InlineData("null", null)]
    public void OutputText_StoredOutput_GalteaActualOutput(string json, string? expected) =>
        Assert.Equal(expected, OutputText.Of(JsonParser.Default.Parse<Value>(json)));

    [Fact]
    public void OutputText_NoOutput_Null() => Assert.Null(OutputText.Of(null));
}
