namespace CosmosProbe;

/// <summary>Shape for the SDK's LINQ provider.</summary>
internal sealed class LinqDoc
{
    [Newtonsoft.Json.JsonProperty("id")]
    public string Id { get; set; } = "";

    [Newtonsoft.Json.JsonProperty("n")]
    public int N { get; set; }

    [Newtonsoft.Json.JsonProperty("category")]
    public string? Category { get; set; }
}
