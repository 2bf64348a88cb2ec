using InferenceGrpc.FuzzTests.Engine;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>
/// Makes the inputs of one target from its seeds: about one in twelve purely random, the rest a
/// seed with one to four stacked mutations, mostly the format-aware ones of the target's shape.
/// Everything is drawn from the one <see cref="Random"/>, so a seed and a count fix the inputs.
/// </summary>
internal static class InputGenerator
{
    public static byte[] Next(Random random, InputShape shape, IReadOnlyList<byte[]> seeds)
    {
        if (random.Next(12) == 0)
        {
            return ByteMutator.RandomBytes(random, random.Next(random.Next(2) == 0 ? 16 : 2_048));
        }

        var input = Interesting.Pick(random, seeds);
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var aware = random.Next(4) != 0 ? MutateAware(random, shape, input) : null;
            input = aware ?? ByteMutator.Mutate(random, input, seeds);
        }

        return input;
    }

    private static byte[]? MutateAware(Random random, InputShape shape, byte[] input) => shape switch
    {
        InputShape.Json => JsonMutator.Mutate(random, input),
        InputShape.Frames => FrameMutator.Mutate(random, input),
        _ => TextMutator.Mutate(random, input),
    };
}
