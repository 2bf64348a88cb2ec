using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CosmosProbe;

internal enum NoteKind
{
    Missing,
    Null,
    Text,
}

internal sealed record Item(string Sku, int Qty);

/// <summary>The probe's test document, and its JSON form as stored.</summary>
internal sealed record Doc(
    string Id, string Tenant, string Bucket, int N, double Score, string Name, string? Category,
    NoteKind NoteKind, string[] Tags, Item[] Items, bool Active, string CreatedAt)
{
    private static readonly string[] Categories = ["red", "green", "blue", "Red"];
    private static readonly string[] Prefixes = ["Alpha", "beta", "GAMMA"];

    /// <summary>Most probes expect a list of ids: `.Select(IdOf)`.</summary>
    public static string IdOf(Doc d) => d.Id;

    public static Doc Create(int i) => new(
        Id: string.Create(CultureInfo.InvariantCulture, $"d{i:D5}"),
        Tenant: string.Create(CultureInfo.InvariantCulture, $"t{i % 5}"),
        Bucket: string.Create(CultureInfo.InvariantCulture, $"b{i / 5 % 4}"),
        N: i,
        Score: (i * 37 % 1000) / 10.0,
        Name: Prefixes[i % 3] + "-" + (i % 97).ToString("D3", CultureInfo.InvariantCulture),
        Category: i % 10 == 9 ? null : Categories[i % 4],
        NoteKind: (i % 7) switch { 0 => NoteKind.Null, 1 => NoteKind.Missing, _ => NoteKind.Text },
        Tags: i % 5 == 0 ? [] : [string.Create(CultureInfo.InvariantCulture, $"x{i % 3}"), string.Create(CultureInfo.InvariantCulture, $"y{i % 4}")],
        Items: [new Item($"s{i % 6}", i % 9), new Item($"s{(i + 1) % 6}", i * 3 % 11)],
        Active: i % 2 == 0,
        CreatedAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));

    public JObject ToJson()
    {
        var j = new JObject
        {
            ["id"] = Id,
            ["tenant"] = Tenant,
            ["bucket"] = Bucket,
            ["n"] = N,
            ["score"] = Score,
            ["name"] = Name,
            ["tags"] = new JArray(Tags),
            ["items"] = new JArray(Items.Select(x => new JObject { ["sku"] = x.Sku, ["qty"] = x.Qty })),
            ["active"] = Active,
            ["createdAt"] = CreatedAt,
        };
        if (Category is not null)
        {
            j["category"] = Category;
        }

        if (NoteKind == NoteKind.Null)
        {
            j["note"] = JValue.CreateNull();
        }
        else if (NoteKind == NoteKind.Text)
        {
            j["note"] = "note " + Id;
        }

        return j;
    }
}
