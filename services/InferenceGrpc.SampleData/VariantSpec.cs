using System.Globalization;
using System.Text;

namespace InferenceGrpc.SampleData;

/// <summary>
/// A variant of a function: a model (or a virtual model that routes), sampling settings and a
/// quality offset, so A/B comparisons between variants show a real difference.
/// </summary>
internal sealed record VariantSpec(string Name, ModelSpec? Model, VirtualModelSpec? VirtualModel, double Temperature, int MaxTokens, double QualityBonus, double Weight)
{
    /// <summary>A stable hex hash of the variant's configuration, like TensorZero's snapshot hash.</summary>
    public string SnapshotHash { get; } = Fnv1a(Name + "/" + (Model?.Name ?? VirtualModel?.Name)).ToString("x16", CultureInfo.InvariantCulture);

    public ModelSpec ResolveModel(Random random) => Model ?? VirtualModel!.Route(random);

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
