using InferenceGrpc.Protocol.AspNetCore.Transcoding;

namespace InferenceGrpc.Protocol.Tests.Transcoding;

public class HttpRuleTemplateTests
{
    [Fact]
    public void Match_NestedFieldWithMultiSegmentPattern_BindsJoinedSegments()
    {
        var template = HttpRuleTemplate.Parse("/v1/{book.name=shelves/*/books/*}");

        var values = template.Match("/v1/shelves/1/books/2");

        Assert.Equal([KeyValuePair.Create("book.name", "shelves/1/books/2")], values);
    }

    [Fact]
    public void Match_CatchAll_TakesEveryRemainingSegment()
    {
        var template = HttpRuleTemplate.Parse("/v1/files/{path=**}");

        Assert.Equal("a/b/c.txt", template.Match("/v1/files/a/b/c.txt")![0].Value);
        Assert.Null(template.Match("/v1/files"));
    }

    [Fact]
    public void Match_CustomVerb_RequiresSuffix()
    {
        var template = HttpRuleTemplate.Parse("/v1/books:search");

        Assert.Equal("search", template.Verb);
        Assert.NotNull(template.Match("/v1/books:search"));
        Assert.Null(template.Match("/v1/books"));
    }

    [Fact]
    public void Match_PercentEncodedSegment_IsDecoded()
    {
        var template = HttpRuleTemplate.Parse("/v1/echo/{message}");

        Assert.Equal("héllo world", template.Match("/v1/echo/h%C3%A9llo%20world")![0].Value);
    }

    [Theory]
    [InlineData("/v1/shelves/1")]
    [InlineData("/v1/shelves/1/books/2/extra")]
    [InlineData("/v2/shelves/1/books/2")]
    [InlineData("/v1/shelves//books/2")]
    public void Match_DifferentShape_ReturnsNull(string path)
    {
        var template = HttpRuleTemplate.Parse("/v1/{name=shelves/*/books/*}");

        Assert.Null(template.Match(path));
    }

    [Theory]
    [InlineData("v1/no-leading-slash")]
    [InlineData("/v1/{unclosed")]
    [InlineData("/v1/{a={b}}")]
    [InlineData("/v1/**/tail")]
    [InlineData("/v1/{}")]
    public void Parse_MalformedTemplate_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => HttpRuleTemplate.Parse(text));
    }
}
