using System.Text;
using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Tests;

/// <summary>
/// The TensorZero shape's parts on their own: error statuses no request can trigger in the
/// test host (auth, store down, a failure mid-stream), and the serde/ryu/uuid/chrono texts.
/// </summary>
public sealed class ShapeTests
{
    [Theory]
    [InlineData(StatusCode.Unauthenticated, "TensorZero authentication error: missing header", 401)]
    [InlineData(StatusCode.Unavailable, "database unavailable", 503)]
    [InlineData(StatusCode.Internal, "boom", 500)]
    [InlineData(StatusCode.InvalidArgument, "bad", 400)]
    [InlineData(StatusCode.NotFound, "Unknown function: f", 404)]
    [InlineData(StatusCode.PermissionDenied, "no", 403)]
    public async Task WriteError_BeforeTheStream_WritesStatusAndErrorObject(StatusCode code, string message, int status)
    {
        var http = NewContext();

        await TensorZeroJsonShape.Instance.WriteErrorAsync(http, null!, new RpcStatus(code, message), streamStarted: false);

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Equal("application/json", http.Response.ContentType);
        Assert.Equal($$"""{"error":"{{message}}"}""", Body(http));
    }

    [Fact]
    public async Task WriteError_MidStream_WritesAFinalErrorLine()
    {
        var http = NewContext();
        http.Response.StatusCode = 200;

        await TensorZeroJsonShape.Instance.WriteErrorAsync(http, null!, new RpcStatus(StatusCode.Unavailable, "store \"down\"\n"), streamStarted: true);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("{\"error\":\"store \\\"down\\\"\\n\"}\n", Body(http));
    }

    [Theory]
    [InlineData(0.7, "0.7")]
    [InlineData(1.0, "1.0")]
    [InlineData(812.0, "812.0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e30, "1e30")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e16, "1e16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(0.000001, "1e-6")]
    public void Float64_AnyValue_IsLaidOutAsRyu(double value, string expected) => Assert.Equal(expected, SerdeNumbers.Float64(value));

    [Theory]
    [InlineData(0.7, "0.7")]
    [InlineData(0.699999988079071, "0.7")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.95, "0.95")]
    [InlineData(1e13, "1e13")]
    [InlineData(1e12, "1000000000000.0")]
    [InlineData(0.000001, "0.000001")]
    public void Float32_SamplingParameter_KeepsF32Digits(double value, string expected) => Assert.Equal(expected, SerdeNumbers.Float32(value));

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(-2.0, "-2")]
    [InlineData(0.25, "0.25")]
    [InlineData(1e20, "1e20")]
    public void JsonNumber_StoredNumber_WholeNumbersAsIntegers(double value, string expected) => Assert.Equal(expected, SerdeNumbers.JsonNumber(value));

    [Theory]
    [InlineData("0197A6B0-0000-7000-8000-00000000000F", "0197a6b0-0000-7000-8000-00000000000f")]
    [InlineData("0197a6b000007000800000000000000f", "0197a6b0-0000-7000-8000-00000000000f")]
    [InlineData("{0197a6b0-0000-7000-8000-00000000000f}", "0197a6b0-0000-7000-8000-00000000000f")]
    [InlineData("urn:uuid:0197a6b0-0000-7000-8000-00000000000f", "0197a6b0-0000-7000-8000-00000000000f")]
    public void RustUuid_AcceptedForm_ParsesToHyphenatedLowerCase(string text, string expected) => Assert.Equal(expected, RustUuid.Parse(text));

    [Theory]
    [InlineData("", "invalid length: expected length 32 for simple format, found 0")]
    [InlineData("0197a6b0", "invalid length: expected length 32 for simple format, found 8")]
    [InlineData("0197a6b0-0000-7000-8000-00000000000fa", "invalid group length in group 4: expected 12, found 13")]
    [InlineData("0197a6b00-000-7000-8000-00000000000f", "invalid group length in group 0: expected 8, found 9")]
    [InlineData("urn:uuid:0197a6b0-0000-7000-8000-00000000000", "invalid group length in group 4: expected 12, found 20")]
    [InlineData("0197a6b0-0000-7000-8000-00000000000é", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `é` at 36")]
    [InlineData("URN:UUID:0197a6b0-0000-7000-8000-00000000000f", "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `U` at 1")]
    [InlineData("0197a6b0-0000-7000-8000-0000-0000000f", "invalid group count: expected 5, found 6")]
    public void RustUuid_BadText_GivesTheCratesDiagnosis(string text, string expected)
    {
        var error = Assert.Throws<SerdeError>(() => RustUuid.Parse(text));

        Assert.Equal("UUID parsing failed: " + expected, error.Message);
    }

    [Theory]
    [InlineData("2025-06-01T12:34:56Z", "2025-06-01T12:34:56.0000000+00:00")]
    [InlineData("2025-06-01t12:34:56.123456789z", "2025-06-01T12:34:56.1234567+00:00")]
    [InlineData("2025-06-01 14:34:56+02:00", "2025-06-01T12:34:56.0000000+00:00")]
    [InlineData("2025-06-01T10:04:56-0230", "2025-06-01T12:34:56.0000000+00:00")]
    [InlineData("2025-06-01T12:34:56 UTC", "2025-06-01T12:34:56.0000000+00:00")]
    public void Rfc3339_ChronoAcceptedForm_Parses(string text, string expected) =>
        Assert.Equal(expected, Rfc3339.Parse(text).ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void SerdeJsonWriter_Strings_EscapeOnlyWhatSerdeJsonEscapes()
    {
        var writer = new SerdeJsonWriter();
        writer.String("é 🌸 <>&' \u007f \u2028 \b\f\n\r\t \u0000 \" \\");

        Assert.Equal("\"é 🌸 <>&' \u007f \u2028 \\b\\f\\n\\r\\t \\u0000 \\\" \\\\\"", Encoding.UTF8.GetString(writer.WrittenMemory.Span));
    }

    [Fact]
    public void OutputShapes_JsonFunctionRawTextNestedTooDeep_WritesParsedNullInsteadOfOverflowingTheStack()
    {
        // Stored model text is parsed on the way out; 20,000 nested arrays once killed the process.
        var raw = new string('[', 20_000) + new string(']', 20_000);
        var writer = new SerdeJsonWriter();

        OutputShapes.Write(writer, Google.Protobuf.WellKnownTypes.Value.ForString(raw), jsonFunction: true);

        Assert.EndsWith("\"parsed\":null}", Encoding.UTF8.GetString(writer.WrittenMemory.Span), StringComparison.Ordinal);
    }

    private static DefaultHttpContext NewContext() => new() { Response = { Body = new MemoryStream() } };

    private static string Body(HttpContext http) => Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
}
