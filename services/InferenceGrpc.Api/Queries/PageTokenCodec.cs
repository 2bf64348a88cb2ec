using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using InferenceGrpc.Storage;

namespace InferenceGrpc.Api.Queries;

/// <summary>
/// Opaque, stateless, tamper-proof page tokens. A token holds only the cursor (the last id for
/// newest-first keyset paging, or an offset) and an HMAC-SHA256 tag over the cursor, the tenant
/// and a fingerprint of the query. The tenant and query are not in the token, so a token can
/// neither be read nor replayed for another tenant or another query: the tag would not match.
/// 46 characters, whatever the query. Replicas that share <c>Query:PageTokenKey</c> accept each
/// other's tokens, so a stream can resume anywhere.
/// </summary>
public sealed class PageTokenCodec(byte[] key)
{
    private const byte Version = 1;
    private const byte KeysetMode = 1;
    private const byte OffsetMode = 2;
    private const int TagSize = 16;
    private const int BodySize = 2 + 16;

    public string Issue(TenantId tenant, IMessage query, PageCursor cursor)
    {
        Span<byte> token = stackalloc byte[BodySize + TagSize];
        token[0] = Version;
        token[1] = cursor.Before is null ? OffsetMode : KeysetMode;
        if (cursor.Before is { } before)
        {
            before.TryWriteBytes(token[2..BodySize], bigEndian: true, out _);
        }
        else
        {
            BinaryPrimitives.WriteInt64BigEndian(token[2..10], cursor.Offset);
        }

        Tag(token[..BodySize], tenant, query).CopyTo(token[BodySize..]);
        return System.Buffers.Text.Base64Url.EncodeToString(token);
    }

    /// <exception cref="Protocol.RpcException">INVALID_ARGUMENT for a malformed, forged or foreign token.</exception>
    public PageCursor Read(string token, TenantId tenant, IMessage query)
    {
        var bytes = new byte[BodySize + TagSize];
        if (token.Length > 64 || !TryDecode(token, bytes, out var length)
            || length != bytes.Length || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(Tag(bytes.AsSpan(0, BodySize), tenant, query), bytes.AsSpan(BodySize)))
        {
            throw Invalid();
        }

        return bytes[1] == KeysetMode
            ? new PageCursor(new Guid(bytes.AsSpan(2, 16), bigEndian: true), 0)
            : new PageCursor(null, BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2, 8)));
    }

    /// <summary>Base64url decoding that reports bad characters as false: the "Try" API throws for them.</summary>
    private static bool TryDecode(string token, byte[] destination, out int length)
    {
        try
        {
            return System.Buffers.Text.Base64Url.TryDecodeFromChars(token, destination, out length);
        }
        catch (FormatException)
        {
            length = 0;
            return false;
        }
    }

    private byte[] Tag(ReadOnlySpan<byte> body, TenantId tenant, IMessage query)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(body);
        hmac.AppendData(System.Text.Encoding.UTF8.GetBytes(tenant.Value + "\n"));
        hmac.AppendData(query.ToByteArray());
        return hmac.GetHashAndReset()[..TagSize];
    }

    private static Protocol.RpcException Invalid() =>
        QueryErrors.Invalid("page_token", "page_token: not a token this service issued for this query; start again without it");
}
