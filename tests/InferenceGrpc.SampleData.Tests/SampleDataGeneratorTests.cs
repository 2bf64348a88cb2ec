using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData.Tests;

public sealed class SampleDataGeneratorTests
{
    [Fact]
    public void GenerateBatches_SameSeed_ProducesIdenticalBytes()
    {
        var options = new SampleDataOptions { InferenceCount = 3_000, Seed = 5, BatchSize = 700 };

        var first = Serialize(new SampleDataGenerator(options));
        var second = Serialize(new SampleDataGenerator(options));

        Assert.Equal(first, second);
    }

    [Fact]
    public void GenerateBatches_DifferentSeed_ProducesDifferentBytes()
    {
        var options = new SampleDataOptions { InferenceCount = 3_000, Seed = 5 };

        var first = Serialize(new SampleDataGenerator(options));
        var second = Serialize(new SampleDataGenerator(options with { Seed = 6 }));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void GenerateBatches_EnumeratedTwice_ReplaysTheSameRecords()
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 1_000 });
        var batches = generator.GenerateBatches();

        var first = batches.SelectMany(b => b).Select(r => r.ToByteString()).ToList();
        var second = batches.SelectMany(b => b).Select(r => r.ToByteString()).ToList();

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12_345)]
    public void GenerateBatches_AnyCount_YieldsExactlyThatManyInferences(int count)
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = count, Seed = count });

        var inferences = generator.GenerateRecords().Count(r => r.KindCase == Record.KindOneofCase.Inference);

        Assert.Equal(count, inferences);
    }

    [Fact]
    public void GenerateBatches_DefaultBatchSize_FillsEveryBatchButTheLast()
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 12_000 });

        var sizes = generator.GenerateBatches().Select(b => b.Count).ToList();

        Assert.True(sizes.Count > 2);
        Assert.All(sizes[..^1], size => Assert.Equal(5_000, size));
        Assert.InRange(sizes[^1], 1, 5_000);
    }

    [Fact]
    public void GenerateBatches_FirstBatch_StartsWithTheMetricDefinitions()
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 100 });

        var first = generator.GenerateBatches().First();

        var names = first.TakeWhile(r => r.KindCase == Record.KindOneofCase.MetricDefinition).Select(r => r.MetricDefinition.Name).ToList();
        Assert.Equal(["user_rating", "thumbs_up", "helpfulness", "latency_ok", "task_success"], names);
        Assert.DoesNotContain(first.Skip(names.Count), r => r.KindCase == Record.KindOneofCase.MetricDefinition);
    }

    [Fact]
    public void GenerateBatches_TenMillionInferences_FirstBatchGeneratesOnlyThatBatch()
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 10_000_000 });
        var stream = generator.CreateStream();
        var yielded = 0;

        var first = RecordBatcher.Batch(stream.Records(), generator.Options.BatchSize).Select(batch => { yielded++; return batch; }).First();

        Assert.Equal(1, yielded);
        Assert.Equal(5_000, first.Count);
        Assert.InRange(stream.InferencesGenerated, 1, 5_000);
    }

    [Fact]
    public void GenerateBatches_TenMillionInferences_PublicEnumerationPullsOneBatchAtATime()
    {
        var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 10_000_000 });
        var yielded = 0;

        var firstTwo = generator.GenerateBatches().Select(batch => { yielded++; return batch; }).Take(2).ToList();

        Assert.Equal(2, yielded);
        Assert.All(firstTwo, batch => Assert.Equal(5_000, batch.Count));
    }

    [Theory]
    [InlineData(-1, 5_000, 24)]
    [InlineData(10, 0, 24)]
    [InlineData(10, 10_001, 24)]
    [InlineData(10, 5_000, 0)]
    public void Constructor_OutOfRangeOptions_Throws(int count, int batchSize, int windowHours)
    {
        var options = new SampleDataOptions { InferenceCount = count, BatchSize = batchSize, WindowLength = TimeSpan.FromHours(windowHours) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new SampleDataGenerator(options));
    }

    [Fact]
    public void EvaluationRunCount_PerHundredThousandInferences_IsThreeAndAtLeastTwo()
    {
        Assert.Equal(2, new SampleDataGenerator(new SampleDataOptions { InferenceCount = 10 }).EvaluationRunCount);
        Assert.Equal(3, new SampleDataGenerator(new SampleDataOptions { InferenceCount = 100_000 }).EvaluationRunCount);
        Assert.Equal(30, new SampleDataGenerator(new SampleDataOptions { InferenceCount = 1_000_000 }).EvaluationRunCount);
    }

    private static byte[] Serialize(SampleDataGenerator generator)
    {
        using var buffer = new MemoryStream();
        foreach (var batch in generator.GenerateBatches())
        {
            foreach (var record in batch)
            {
                record.WriteDelimitedTo(buffer);
            }
        }

        return buffer.ToArray();
    }
}
