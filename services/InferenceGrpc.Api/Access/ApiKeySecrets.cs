using System.Security.Cryptography;
using System.Text;

namespace InferenceGrpc.Api.Access;

/// <summary>Makes API keys and their public ids, and hashes keys for storage and lookup.</summary>
public static class ApiKeySecrets
{
    /// <summary>The prefix of our keys, so secret scanners and people can recognise them.</summary>
    public const string Prefix = "igk_";

    /// <summary>A new key: the prefix and 256 random bits, base64url.</summary>
    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new public key id: 80 random bits, base32-like lower case.</summary>
    public static string NewId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>Lower-case hex SHA-256 of the key string: what the store keeps.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
