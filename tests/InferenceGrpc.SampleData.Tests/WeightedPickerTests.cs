namespace InferenceGrpc.SampleData.Tests;

public sealed class WeightedPickerTests
{
    [Fact]
    public void Pick_Zipf_FavoursTheFirstRanks()
    {
        var picker = WeightedPicker.Zipf(10, 1.0);
        var random = new Random(1);
        var counts = new int[10];

        for (var i = 0; i < 20_000; i++)
        {
            counts[picker.Pick(random)]++;
        }

        Assert.True(counts[0] > 2 * counts[3]);
        Assert.True(counts[0] > 5 * counts[9]);
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public void Pick_ZeroWeight_IsNeverPicked()
    {
        var picker = new WeightedPicker([1.0, 0.0, 1.0]);
        var random = new Random(2);

        var picks = Enumerable.Range(0, 5_000).Select(_ => picker.Pick(random)).ToHashSet();

        Assert.Equal([0, 2], picks.Order());
    }
}
