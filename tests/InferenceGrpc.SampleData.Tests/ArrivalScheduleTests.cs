namespace InferenceGrpc.SampleData.Tests;

public sealed class ArrivalScheduleTests
{
    private static readonly long End = SampleDataOptions.DefaultWindowEnd.ToUnixTimeMilliseconds();
    private static readonly long Start = End - (long)TimeSpan.FromDays(30).TotalMilliseconds;

    [Fact]
    public void TryNext_ThirtyDayWindow_GivesExactlyTheCountInOrderInsideTheWindow()
    {
        var schedule = new ArrivalSchedule(Start, End, 50_000);
        var random = new Random(1);
        var times = new List<long>();

        while (schedule.TryNext(random, out var time))
        {
            times.Add(time);
        }

        Assert.Equal(50_000, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
        Assert.InRange(times[0], Start, End - 1);
        Assert.InRange(times[^1], Start, End - 1);
    }

    [Fact]
    public void TryNext_DailyCycle_AfternoonBusierThanNight()
    {
        var schedule = new ArrivalSchedule(Start, End, 50_000);
        var random = new Random(2);
        var byHour = new int[24];

        while (schedule.TryNext(random, out var time))
        {
            byHour[DateTimeOffset.FromUnixTimeMilliseconds(time).Hour]++;
        }

        Assert.True(byHour[15] > 2 * byHour[3]);
    }
}
