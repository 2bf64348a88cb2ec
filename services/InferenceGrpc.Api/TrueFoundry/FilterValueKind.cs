namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>What a filterable field holds, which decides its operators and value shapes.</summary>
internal enum FilterValueKind
{
    Text,
    Number,

    /// <summary>The team array: ARRAY_HAS_ANY and ARRAY_HAS_NONE only.</summary>
    Teams,
}
