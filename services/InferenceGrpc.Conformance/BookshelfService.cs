using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;

namespace InferenceGrpc.Conformance;

/// <summary>conformance.v1.BookshelfService: books in memory, reached mostly through REST routes.</summary>
public sealed class BookshelfService
{
    private static readonly Timestamp Epoch = Timestamp.FromDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly ConcurrentDictionary<string, Book> _books = new(StringComparer.Ordinal);

    public BookshelfService()
    {
        Put(new Book { Name = "shelves/1/books/1", Title = "Dune", Author = "Frank Herbert", Year = 1965, Genre = Genre.Fiction, Tags = { "sf", "classic" }, Copies = 3 });
        Put(new Book { Name = "shelves/1/books/2", Title = "The Left Hand of Darkness", Author = "Ursula K. Le Guin", Year = 1969, Genre = Genre.Fiction, Tags = { "sf" }, Copies = 1 });
        Put(new Book { Name = "shelves/2/books/1", Title = "Gödel, Escher, Bach", Author = "Douglas Hofstadter", Year = 1979, Genre = Genre.Nonfiction, Tags = { "classic" }, Copies = 5_000_000_000 });
    }

    public Task<GetBookResponse> GetBook(GetBookRequest request, ServerCallContext context) =>
        Task.FromResult(new GetBookResponse { Book = Find(request.Name) });

    public Task<ListBooksResponse> ListBooks(ListBooksRequest request, ServerCallContext context)
    {
        var matches = _books.Values
            .Where(b => b.Name.StartsWith($"shelves/{request.Shelf}/books/", StringComparison.Ordinal))
            .Where(b => request.Authors.Count == 0 || request.Authors.Contains(b.Author))
            .Where(b => request.Years is null || (b.Year >= request.Years.Min && (request.Years.Max == 0 || b.Year <= request.Years.Max)))
            .Where(b => request.Genre == Genre.Unspecified || b.Genre == request.Genre)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var response = new ListBooksResponse { TotalSize = matches.Count };
        response.Books.AddRange(request.PageSize > 0 ? matches.Take(request.PageSize) : matches);
        return Task.FromResult(response);
    }

    public Task<SearchBooksResponse> SearchBooks(SearchBooksRequest request, ServerCallContext context)
    {
        var response = new SearchBooksResponse();
        response.Books.AddRange(_books.Values
            .Where(b => b.Title.Contains(request.Query, StringComparison.OrdinalIgnoreCase))
            .Where(b => request.Tags.All(b.Tags.Contains))
            .OrderBy(b => b.Name, StringComparer.Ordinal));
        return Task.FromResult(response);
    }

    public Task<CreateBookResponse> CreateBook(CreateBookRequest request, ServerCallContext context)
    {
        if (request.Book is null || string.IsNullOrWhiteSpace(request.Book.Title))
        {
            throw new RpcException(RpcStatus.InvalidArgument("A book needs a title.", ("book.title", "must not be empty")));
        }

        var book = request.Book.Clone();
        if (book.Name.Length == 0)
        {
            book.Name = $"shelves/{request.Shelf}/books/{Guid.NewGuid():N}";
        }

        if (!_books.TryAdd(book.Name, book))
        {
            throw new RpcException(StatusCode.AlreadyExists, $"Book '{book.Name}' already exists.");
        }

        book.CreateTime ??= Epoch;
        return Task.FromResult(new CreateBookResponse { Book = book });
    }

    public Task<UpdateBookResponse> UpdateBook(UpdateBookRequest request, ServerCallContext context)
    {
        var existing = Find(request.Book.Name);
        var updated = existing.Clone();
        updated.MergeFrom(request.Book);
        _books[updated.Name] = updated;
        return Task.FromResult(new UpdateBookResponse { Book = updated });
    }

    public Task<DeleteBookResponse> DeleteBook(DeleteBookRequest request, ServerCallContext context) =>
        Task.FromResult(_books.TryRemove(request.Name, out var book)
            ? new DeleteBookResponse { Book = book }
            : throw new RpcException(StatusCode.NotFound, $"Book '{request.Name}' does not exist."));

    public Task<GetFileResponse> GetFile(GetFileRequest request, ServerCallContext context)
    {
        var response = new GetFileResponse { Path = request.Path };
        response.Segments.AddRange(request.Path.Split('/'));
        return Task.FromResult(response);
    }

    private Book Find(string name) =>
        _books.TryGetValue(name, out var book) ? book : throw new RpcException(StatusCode.NotFound, $"Book '{name}' does not exist.");

    private void Put(Book book)
    {
        book.CreateTime = Epoch;
        _books[book.Name] = book;
    }
}
