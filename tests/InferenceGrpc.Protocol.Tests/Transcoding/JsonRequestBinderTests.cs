using System.Text;
using InferenceGrpc.Conformance;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.Tests.Transcoding;

public class JsonRequestBinderTests
{
    private static readonly HttpRouteTable Routes = new(new ServiceMethodRegistry(
    [
        new ServiceRegistration(typeof(BookshelfService), BookshelfServiceReflection.Descriptor.Services[0]),
        new ServiceRegistration(typeof(EchoService), EchoServiceReflection.Descriptor.Services[0]),
    ]));

    [Fact]
    public async Task BindAsync_QueryParameters_BindRepeatedNestedAndEnumFields()
    {
        var request = await BindAsync<ListBooksRequest>("GET", "/v1/shelves/7/books", "?authors=a,b&authors[]=c&years.min=1960&genre=GENRE_FICTION&pageSize=2&unknown=1");

        Assert.Equal("7", request.Shelf);
        Assert.Equal(["a", "b", "c"], request.Authors);
        Assert.Equal(1960, request.Years.Min);
        Assert.Equal(Genre.Fiction, request.Genre);
        Assert.Equal(2, request.PageSize);
    }

    [Fact]
    public async Task BindAsync_BodyFieldAndNestedPathVariable_MergesBoth()
    {
        var request = await BindAsync<UpdateBookRequest>("PATCH", "/v1/shelves/1/books/2", body: """{"title":"New","copies":"5","ignored":true}""");

        Assert.Equal("shelves/1/books/2", request.Book.Name);
        Assert.Equal("New", request.Book.Title);
        Assert.Equal(5, request.Book.Copies);
    }

    [Fact]
    public async Task BindAsync_BodyStar_IgnoresQueryString()
    {
        var request = await BindAsync<EchoRequest>("POST", "/v1/echo", "?message=fromQuery", """{"message":"fromBody"}""");

        Assert.Equal("fromBody", request.Message);
    }

    [Fact]
    public async Task BindAsync_BadIntegerInQuery_ThrowsInvalidArgumentNamingParameter()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => BindAsync<ListBooksRequest>("GET", "/v1/shelves/1/books", "?pageSize=ten"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(ex.Status.Details!));
        Assert.Equal("pageSize", badRequest.FieldViolations[0].Field);
    }

    [Fact]
    public async Task BindAsync_MalformedJson_ThrowsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => BindAsync<EchoRequest>("POST", "/v1/echo", body: "{not json"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("Request JSON payload is not correctly formatted", ex.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindAsync_SingleFieldGivenTwice_ThrowsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => BindAsync<ListBooksRequest>("GET", "/v1/shelves/1/books", "?pageSize=1&pageSize=2"));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    private static async Task<T> BindAsync<T>(string method, string path, string query = "", string? body = null)
    {
        var match = Routes.Match(method, path) ?? throw new InvalidOperationException($"No route for {method} {path}.");
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        if (body is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return (T)await JsonRequestBinder.BindAsync(http, match, 1024 * 1024);
    }
}
