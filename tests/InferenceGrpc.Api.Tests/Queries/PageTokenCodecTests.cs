using System.Security.Cryptography;
using InferenceGrpc.Api.Queries;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Storage;

namespace InferenceGrpc.Api.Tests.Queries;

/// <summary>Page tokens are opaque and bounded, and bound to their tenant and query: nothing else accepts them.</summary>
public sealed class PageTokenCodecTests
{
    private static readonly TenantId Tenant = TenantId.Parse("alpha");
    private static readonly InferenceSelection Query = new() { FunctionName = "write_haiku" };
    private readonly PageTokenCodec _codec = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Read_TokenIssuedForSameTenantAndQuery_ReturnsItsCursor()
    {
        var before = Uuid7.New();

        var keyset = _codec.Read(_codec.Issue(Tenant, Query, new PageCursor(before, 0)), Tenant, Query);
        var offset = _codec.Read(_codec.Issue(Tenant, Query, new PageCursor(null, 40)), Tenant, Query);

        Assert.Equal(before, keyset.Before);
        Assert.Equal(40, offset.Offset);
    }

    [Fact]
    public void Issue_AnyCursor_IsShortAndOpaque()
    {
        var token = _codec.Issue(Tenant, Query, new PageCursor(Uuid7.New(), 0));

        Assert.Equal(46, token.Length);
        Assert.DoesNotContain("write_haiku", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TokenFromAnotherTenant_IsRefused()
    {
        var token = _codec.Issue(Tenant, Query, new PageCursor(Uuid7.New(), 0));

        AssertRefused(() => _codec.Read(token, TenantId.Parse("beta"), Query));
    }

    [Fact]
    public void Read_TokenForAnotherQuery_IsRefused()
    {
        var token = _codec.Issue(Tenant, Query, new PageCursor(null, 20));

        AssertRefused(() => _codec.Read(token, Tenant, new InferenceSelection { FunctionName = "summarize" }));
    }

    [Fact]
    public void Read_TamperedOrForeignToken_IsRefused()
    {
        var token = _codec.Issue(Tenant, Query, new PageCursor(null, 20));
        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var otherKey = new PageTokenCodec(RandomNumberGenerator.GetBytes(32)).Issue(Tenant, Query, new PageCursor(null, 20));

        AssertRefused(() => _codec.Read(flipped, Tenant, Query));
        AssertRefused(() => _codec.Read(otherKey, Tenant, Query));
        AssertRefused(() => _codec.Read("not a token!", Tenant, Query));
        AssertRefused(() => _codec.Read(new string('A', 5000), Tenant, Query));
    }

    private static void AssertRefused(Action read)
    {
        var error = Assert.Throws<RpcException>(read);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
