namespace InferenceGrpc.Storage.Keys;

/// <summary>What a key may do in its project. Each role includes the ones below it.</summary>
public enum AccessRole
{
    /// <summary>Query every API.</summary>
    Read = 1,

    /// <summary>Also write records.</summary>
    Write = 2,

    /// <summary>Also create, list and revoke the project's keys.</summary>
    Admin = 3,
}
