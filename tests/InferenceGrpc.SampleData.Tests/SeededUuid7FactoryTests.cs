using InferenceGrpc.Storage;

namespace InferenceGrpc.SampleData.Tests;

public sealed class SeededUuid7FactoryTests
{
    private static readonly long Time = new DateTimeOffset(2025, 12, 24, 10, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Next_AnyTime_SetsVersionSevenAndTheRfcVariant()
    {
        var id = new SeededUuid7Factory(new Random(1)).Next(Time);

        var bytes = Uuid7.ToBigEndianBytes(id);
        Assert.Equal(7, id.Version);
        Assert.Equal(0x70, bytes[6] & 0xF0);
        Assert.Equal(0x80, bytes[8] & 0xC0);
    }

    [Fact]
    public void Next_GivenMillisecond_CarriesItAsTheTimestamp()
    {
        var id = new SeededUuid7Factory(new Random(1)).Next(Time);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Time), Uuid7.Timestamp(id));
    }

    [Fact]
    public void Next_SameMillisecondManyTimes_IncreasesStrictlyWithinIt()
    {
        var factory = new SeededUuid7Factory(new Random(2));
        var ids = Enumerable.Range(0, 1_000).Select(_ => factory.Next(Time)).ToList();

        Assert.All(ids.Zip(ids.Skip(1)), pair => Assert.True(Uuid7.Compare(pair.First, pair.Second) < 0));
        Assert.All(ids, id => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Time), Uuid7.Timestamp(id)));
    }

    [Fact]
    public void Next_EarlierMillisecond_StillIncreases()
    {
        var factory = new SeededUuid7Factory(new Random(3));

        var later = factory.Next(Time);
        var earlier = factory.Next(Time - 5);

        Assert.True(Uuid7.Compare(later, earlier) < 0);
    }

    [Fact]
    public void Next_SameSeed_MintsTheSameIds()
    {
        var first = new SeededUuid7Factory(new Random(4));
        var second = new SeededUuid7Factory(new Random(4));

        Assert.Equal(first.Next(Time), second.Next(Time));
        Assert.Equal(first.Next(Time + 1), second.Next(Time + 1));
    }

    [Fact]
    public void Compose_MaximalRandomBits_KeepsVersionAndVariant()
    {
        var id = SeededUuid7Factory.Compose(Time, ulong.MaxValue, ulong.MaxValue);

        Assert.Equal(7, id.Version);
        Assert.Equal(0x80, Uuid7.ToBigEndianBytes(id)[8] & 0xC0);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(Time), Uuid7.Timestamp(id));
    }
}
