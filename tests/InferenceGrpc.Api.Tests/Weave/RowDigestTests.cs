using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Api.Weave;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// Row digests against Python: each case is a JSON example, the text Python's
/// <c>json.dumps(json.loads(example), sort_keys=True, default=str)</c> gave (the string itself
/// for a string example) and the digest Weave's str_digest gave, all computed with python3 and
/// pasted here as fixed goldens.
/// </summary>
public sealed class RowDigestTests
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static TheoryData<string, string, string> PythonCorpus => new()
    {
        { "null", "null", "dCNOmKYnSYX12vHzasLXiswzlGT5UHA7jAGYkvmCuQs" },
        { "true", "true", "tb6kG2xiP3wJ8b8k3K5Y66s8DN2QrZZrxDpFtEhn4Ss" },
        { "false", "false", "YLzxZZCN0YqeSffYJ4EBdtuOn2O0NSITdBZkJFIkXKo" },
        { "0", "0", "XXzrZvYIbzjZUnhsbWlsecLbwjndTpG0ZynXOif7VXk" },
        { "-3", "-3", "YVvdF8JVb4LzhDkuqFVYjMiLA1AcdZ4jCTqwsqm1zUg" },
        { "42", "42", "c0dctApWjo2ooEXO0RATfhWfiQrE2og7axfcZRs6gEk" },
        { "9007199254740992", "9007199254740992", "xoHaOdcnOmokwVycrDp1UmYy7Pi6TuYDRqDHDIFjvbI" },
        { "0.1", "0.1", "FL5LRfGODYxntPcZtRRO7ohJfkE3CdEdhbCW2OI0YxA" },
        { "-0.5", "-0.5", "GwewzYoLP1lrXgSLARUWiIbMUYPdUYZVtVFe5d3axtE" },
        { "1e-05", "1e-05", "WpUw08bVXq1rqKYhb7jkON8jhlEoNwsuwU72IrtfLsk" },
        { "0.0001", "0.0001", "5Tmuusf9LtirqIVP7eqmVDaWL47hyCNBs5RpjwhbZJY" },
        { "2.5e-05", "2.5e-05", "7HfQlm3XD6AtAvIG3qjSZJMAF0hUwX5xNNlyYs87Ad4" },
        { "1e-07", "1e-07", "5IX6wld1p9qDBpjn2qxYJzf8i0O6SzUUZ6FsXO2DEio" },
        { "1e16", "1e+16", "oUSDhSBZUAnn2vWvXEclcYnOakvNjDBnNnVhiINGSrA" },
        { "1.5e16", "1.5e+16", "l4khOHOOrECPfc37IURYFTiWpcVYC2TlMGWQ7dt6yVg" },
        { "123456789012345.6", "123456789012345.6", "LVqUR8y8rtv5svYKxhhUcjzgIoZrl1dpJNXk5UxFb9Q" },
        { "1e300", "1e+300", "Kw3klMQdtMGYC0Gwo0g9tx8rU6XjfK9aYavuLUFpqTU" },
        { "5e-324", "5e-324", "xG58ob5MhzTzc6VlMHhyiPogWNc9B4VekkfpSfgRpCo" },
        { "3.141592653589793", "3.141592653589793", "8KG3h1hEw64NKPPMROmmJB2jPiYjpp8KcSYxWNY7Toc" },
        { "1e22", "1e+22", "gUqX2utFQW4kvvwK6aZBSsL0Hyaany8Bn8ZaDQNyXzQ" },
        { "0.30000000000000004", "0.30000000000000004", "BrrTEGDBISroMt5MAx97MeO0iu1XhYKUR4yxlFDPNMo" },
        { "\"plain text\"", "plain text", "yez15Ux7PyZA7MohXW1MNiWit5NRBPQcXt4pk1qeUsk" },
        { "\"\"", "", "47DEQpj8HBSaXYTImWX5JCeuQeRkm5NMpJWZG3hSuFU" },
        { "\"weave:///acme/evals/object/ds:v1/attr/rows/id/not a digest/x\"", "weave:///acme/evals/object/ds:v1/attr/rows/id/not a digest/x", "tcEShcAvjMj7qj4iaRZMa9ZxnfztYa0AhfszPPoaM8I" },
        { "[]", "[]", "T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqHPC8RFhICuUU" },
        { "{}", "{}", "RBNvo1WzZ4oRRq0W9XhknpT7T8If536DEMBg9hyqY4o" },
        { "[1, \"two\", null, true, 2.5]", "[1, \"two\", null, true, 2.5]", "8vE5hNkBDN0HlLqLP3weo0XlPsXfT121bfHh4eJmpQY" },
        { "{\"b\": 1, \"a\": 2, \"A\": 3, \"_\": 4, \"aa\": 5}", "{\"A\": 3, \"_\": 4, \"a\": 2, \"aa\": 5, \"b\": 1}", "G32bXZ6xHMTd6L1slG5Kj6wJwjI0V2aRHD2mNjF2YWo" },
        { "{\"\\u00e9\": 1, \"z\": 2, \"\\ud83d\\ude00\": 3, \"\\uffff\": 4, \"\\ue000\": 5}", "{\"z\": 2, \"\\u00e9\": 1, \"\\ue000\": 5, \"\\uffff\": 4, \"\\ud83d\\ude00\": 3}", "8jicXAO9H15jgxlgrzUu4f4Qd7P1pMOjAgmYbxttjtU" },
        { "{\"q\": \"Caf\\u00e9 \\ud83c\\udf38 \\u4e2d\\u6587\", \"ctrl\": \"\\u0000\\u0001\\u001f\\u007f\", \"esc\": \"tab\\there \\\"q\\\" back\\\\slash\\nnl\\r\\b\\f/\"}", "{\"ctrl\": \"\\u0000\\u0001\\u001f\\u007f\", \"esc\": \"tab\\there \\\"q\\\" back\\\\slash\\nnl\\r\\b\\f/\", \"q\": \"Caf\\u00e9 \\ud83c\\udf38 \\u4e2d\\u6587\"}", "aGugvKxz6JNjGqZwViQwwJZr86B1YkShspCm4NIIVOc" },
        { "{\"outer\": {\"z\": [{\"y\": 1, \"x\": {\"b\": null, \"a\": false}}], \"a\": []}, \"n\": -0.25}", "{\"n\": -0.25, \"outer\": {\"a\": [], \"z\": [{\"x\": {\"a\": false, \"b\": null}, \"y\": 1}]}}", "nsfgOHYbNW7ZT0gZTjVES5VfADrGo7QGQNQJ4n93Pn8" },
        { "{\"question\": \"What is 2+2?\", \"answer\": 4, \"meta\": {\"difficulty\": 0.75, \"tags\": [\"math\", \"easy\"]}}", "{\"answer\": 4, \"meta\": {\"difficulty\": 0.75, \"tags\": [\"math\", \"easy\"]}, \"question\": \"What is 2+2?\"}", "BB5o3X09QNvAFCUzNtoWXxTiVYRMdrcBWQL06dt7kP8" },
    };

    [Theory]
    [MemberData(nameof(PythonCorpus))]
    public void Of_PythonCorpus_MatchesPythonsCanonicalTextAndDigest(string example, string pythonText, string pythonDigest)
    {
        var value = Parser.Parse<Value>(example);
        if (value.KindCase != Value.KindOneofCase.StringValue)
        {
            var canonical = new SerdeJsonWriter(PythonJson.Canonical);
            canonical.Value(value);
            Assert.Equal(pythonText, Encoding.UTF8.GetString(canonical.WrittenMemory.Span));
        }

        Assert.Equal(pythonDigest, RowDigest.Of(value));
        Assert.Equal(43, pythonDigest.Length);
    }

    [Theory]
    [InlineData("weave:///acme/evals/object/ds:v1/attr/rows/id/abcDEF123", "abcDEF123")]
    [InlineData("weave-trace-internal:///cHJvamVjdA/object/ds:v1/attr/rows/id/xyz", "xyz")]
    [InlineData("weave:///a/b/object/ds:v1/attr/rows/id/first/attr/rows/id/last", "last")]
    public void Of_DatasetRowRef_IsTheDigestAtTheEnd(string reference, string digest) =>
        Assert.Equal(digest, RowDigest.Of(Value.ForString(reference)));

    [Theory]
    [InlineData("weave:///acme/evals/object/ds:v1/attr/rows/id/")]
    [InlineData("weave:///acme/evals/object/ds:v1/attr/rows/id/abc/def")]
    [InlineData("http://example.com/attr/rows/id/abc")]
    [InlineData("weave:///acme/evals/object/ds:v1/attr/rows/index/3")]
    public void Of_StringThatIsNotARowRef_HashesTheStringItself(string text) =>
        Assert.Equal(RowDigest.Hash(text), RowDigest.Of(Value.ForString(text)));

    [Fact]
    public void Of_NoExample_IsTheDigestOfNull() =>
        Assert.Equal("dCNOmKYnSYX12vHzasLXiswzlGT5UHA7jAGYkvmCuQs", RowDigest.Of(null));

    [Fact]
    public void Of_IntegralFloat_IsHashedAsAnInteger()
    {
        // Our documented choice: protobuf keeps numbers as doubles, so 1.0 cannot be told from 1;
        // we hash it as the integer JSON most examples carry. Python would write "1.0" for a float.
        Assert.Equal(RowDigest.Of(Parser.Parse<Value>("""{"a": 1}""")), RowDigest.Of(Parser.Parse<Value>("""{"a": 1.0}""")));
    }
}
