namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>The one data set every differential test uses: fixed seed, built once per test run.</summary>
internal static class DifferentialDataSet
{
    public const int DataSeed = 20260301;
    public const int QuerySeed = 4711;
    public const int InferenceCount = 300;

    private static readonly Lazy<DifferentialData> Data = new(() => DataGenerator.Generate(DataSeed, InferenceCount));

    public static DifferentialData Instance => Data.Value;
}
