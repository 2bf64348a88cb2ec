namespace InferenceGrpc.Storage.Query;

/// <summary>Which output a query returns (api-compat-spec 1.6).</summary>
public enum OutputSource
{
    /// <summary>The model's own output.</summary>
    Inference,

    /// <summary>The latest demonstration; inferences without one are left out.</summary>
    Demonstration,

    /// <summary>No output.</summary>
    None,
}
