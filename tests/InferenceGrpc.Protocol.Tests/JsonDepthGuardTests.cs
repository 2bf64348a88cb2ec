namespace InferenceGrpc.Protocol.Tests;

public class JsonDepthGuardTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(JsonDepthGuard.MaxDepth)]
    public void Problem_NestingWithinTheLimit_IsNone(int depth) =>
        Assert.Null(JsonDepthGuard.Problem(new string('[', depth) + new string(']', depth)));

    [Theory]
    [InlineData(JsonDepthGuard.MaxDepth + 1)]
    [InlineData(20_000)]
    public void Problem_NestingPastTheLimit_IsNamed(int depth) =>
        Assert.Contains("depth", JsonDepthGuard.Problem(new string('[', depth) + new string(']', depth)), StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"a\": }")]
    [InlineData("[1] [2]")]
    public void Problem_NotJson_IsNamed(string json) => Assert.NotNull(JsonDepthGuard.Problem(json));
}
