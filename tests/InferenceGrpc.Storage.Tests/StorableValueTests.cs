using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests;

public class StorableValueTests
{
    [Fact]
    public void Levels_CountsEveryMessageAParserEnters()
    {
        Assert.Equal(1, StorableValue.Levels(Value.ForNumber(1)));
        Assert.Equal(3, StorableValue.Levels(Value.ForList(Value.ForNumber(1))));
        Assert.Equal(4, StorableValue.Levels(Objects(1)));
    }

    [Fact]
    public void Validate_InputNestedPastTheLimit_NamesTheField()
    {
        // A fuzzer found this: 64 nested objects sent as REST JSON were stored, then every list of the project failed.
        var records = new[] { new Record { Inference = new Inference { FunctionName = "f", Input = Objects(30) } } };

        var ex = Assert.Throws<RecordValidationException>(() => RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), DateTimeOffset.UtcNow));

        Assert.Equal("records[0].inference.input", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Validate_DeepestAcceptedValue_ParsesBackInsideAResponse()
    {
        var value = Objects((StorableValue.MaxLevels - 1) / 3);
        Assert.True(StorableValue.Levels(value) <= StorableValue.MaxLevels);
        var records = new[] { new Record { Inference = new Inference { FunctionName = "f", Output = value } } };

        var batch = RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), DateTimeOffset.UtcNow);
        var response = new ListInferencesResponse { Inferences = { new StoredInference { Inference = batch.Inferences[0] } } };

        Assert.Equal(response, ListInferencesResponse.Parser.ParseFrom(response.ToByteArray()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kindless")]
    public void Validate_ValueWithoutJsonForm_NamesTheField(string hole)
    {
        // A fuzzer found both: writing the search text threw, and the write failed with UNKNOWN.
        var inner = hole == "" ? new Struct { Fields = { [""] = Value.ForNull() } } : new Struct { Fields = { ["a"] = new Value() } };
        var records = new[] { new Record { Inference = new Inference { FunctionName = "f", Input = Value.ForList(Value.ForStruct(inner)) } } };

        var ex = Assert.Throws<RecordValidationException>(() => RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), DateTimeOffset.UtcNow));

        Assert.Equal("records[0].inference.input", Assert.Single(ex.Violations).Field);
    }

    /// <summary>{"a": {"a": ... 1}}, <paramref name="depth"/> objects deep.</summary>
    private static Value Objects(int depth)
    {
        var value = Value.ForNumber(1);
        for (var i = 0; i < depth; i++)
        {
            value = Value.ForStruct(new Struct { Fields = { ["a"] = value } });
        }

        return value;
    }
}
