using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Draws request tags (TrueFoundry metadata, TensorZero tags): "env" always, then zero to three
/// of customer tier, region and app version. Service accounts run mostly in prod.
/// </summary>
internal static class TagComposer
{
    private static readonly string[] Environments = ["prod", "staging", "dev"];
    private static readonly WeightedPicker UserEnvironment = new([0.65, 0.25, 0.10]);
    private static readonly WeightedPicker ServiceEnvironment = new([0.85, 0.12, 0.03]);
    private static readonly string[] Tiers = ["free", "pro", "enterprise"];
    private static readonly WeightedPicker TierPicker = new([0.5, 0.35, 0.15]);
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-1"];
    private static readonly WeightedPicker RegionPicker = new([0.5, 0.3, 0.2]);
    private static readonly string[] AppVersions = ["2.14.0", "2.13.2", "2.13.1", "2.12.0", "1.9.7"];
    private static readonly WeightedPicker VersionPicker = WeightedPicker.Zipf(AppVersions.Length, 1.2);
    private static readonly WeightedPicker ExtraCount = new([0.2, 0.35, 0.3, 0.15]);

    public static IReadOnlyList<KeyValuePair<string, string>> Draw(Random random, Subject subject)
    {
        var environment = (subject.Type == SubjectType.VirtualAccount ? ServiceEnvironment : UserEnvironment).Pick(random);
        var tags = new List<KeyValuePair<string, string>>(4) { new("env", Environments[environment]) };

        // A partial shuffle picks which optional tags this request carries, in random order.
        int[] optional = [0, 1, 2];
        var count = ExtraCount.Pick(random);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(optional.Length - i);
            (optional[i], optional[j]) = (optional[j], optional[i]);
            tags.Add(optional[i] switch
            {
                0 => new("customer_tier", Tiers[TierPicker.Pick(random)]),
                1 => new("region", Regions[RegionPicker.Pick(random)]),
                _ => new("app_version", AppVersions[VersionPicker.Pick(random)]),
            });
        }

        return tags;
    }
}
