using InferenceGrpc.Protocol;

namespace InferenceGrpc.Protocol.Tests;

public class WireEncodingTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3_000)]
    [InlineData("250m", 250)]
    [InlineData("1000u", 1)]
    [InlineData("5000000n", 5)]
    [InlineData("99999999S", 99_999_999_000)]
    public void TryParse_ValidTimeout_ReturnsDuration(string header, long expectedMs)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expectedMs, (long)timeout.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void TryParse_MalformedTimeout_ReturnsFalse(string header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Fact]
    public void Format_Timeout_RoundsUpAndStaysWithinEightDigits()
    {
        Assert.Equal("300m", GrpcTimeout.Format(TimeSpan.FromMilliseconds(300)));
        Assert.Equal("1500u", GrpcTimeout.Format(TimeSpan.FromMicroseconds(1500)));
        Assert.Equal("100000S", GrpcTimeout.Format(TimeSpan.FromSeconds(100_000)));
        Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(TimeSpan.FromDays(5000)), out var parsed));
        Assert.True(parsed >= TimeSpan.FromDays(5000));
    }

    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("héllo ✓", "h%C3%A9llo %E2%9C%93")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Encode_GrpcMessage_PercentEncodesUtf8(string message, string expected)
    {
        Assert.Equal(expected, GrpcMessageEncoding.Encode(message));
        Assert.Equal(message, GrpcMessageEncoding.Decode(expected));
    }

    [Fact]
    public void Decode_MalformedPercentEscape_KeepsTextAsIs()
    {
        Assert.Equal("50%zz%4", GrpcMessageEncoding.Decode("50%zz%4"));
    }

    [Fact]
    public void Base64Metadata_PaddedAndUnpadded_DecodeToSameBytes()
    {
        var bytes = new byte[] { 0x00, 0xFF, 0x10, 0x20 };

        var encoded = Base64Metadata.Encode(bytes);

        Assert.DoesNotContain('=', encoded);
        Assert.Equal(bytes, Base64Metadata.Decode(encoded));
        Assert.Equal(bytes, Base64Metadata.Decode(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void MetadataEntry_BinaryKeyWithText_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MetadataEntry("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("x-data", [1, 2]));
    }
}
