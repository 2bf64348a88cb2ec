using InferenceGrpc.Protocol;
using InferenceGrpc.Storage;

namespace InferenceGrpc.Api;

/// <summary>Turns request problems into INVALID_ARGUMENT with a BadRequest naming each bad field.</summary>
internal static class RequestErrors
{
    public static TenantId ParseProject(string project) =>
        TenantId.TryParse(project, out var tenant)
            ? tenant
            : throw new RpcException(RpcStatus.InvalidArgument(
                $"'{project}' is not a valid project: use 1 to 128 letters, digits, '.', '_', '-' and at most one '/'.",
                ("project", "invalid project name")));

    public static RpcException Invalid(RecordValidationException ex) =>
        new(RpcStatus.InvalidArgument(
            $"The batch was not stored: {ex.Violations.Count} invalid field(s), first {ex.Violations[0].Field}: {ex.Violations[0].Description}.",
            ex.Violations.Select(v => (v.Field, v.Description)).ToArray()));
}
