using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage.Keys;

using ContractRole = InferenceGrpc.Contracts.V1.ApiKeyRole;

namespace InferenceGrpc.Api.Keys;

/// <summary>
/// inference.v1.ApiKeyService: an admin key manages its own project's keys. In development mode
/// (no keys required, none sent) anyone on loopback may, which is how the first key can also be
/// made; on a network, the first admin key comes from the server's "keys create" command.
/// </summary>
public sealed class ApiKeyService(ApiKeyIssuer issuer, IApiKeyStore store, ApiKeyDirectory directory, TimeProvider clock)
{
    public async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Admin);
        if (request.Role == ContractRole.Unspecified || !System.Enum.IsDefined(request.Role))
        {
            throw new RpcException(RpcStatus.InvalidArgument("role is required: API_KEY_ROLE_READ, API_KEY_ROLE_WRITE or API_KEY_ROLE_ADMIN.", ("role", "required")));
        }

        if (request.Name.Length > ApiKeyIssuer.MaxNameLength)
        {
            throw new RpcException(RpcStatus.InvalidArgument($"name is {request.Name.Length} characters; at most {ApiKeyIssuer.MaxNameLength} are allowed.", ("name", "too long")));
        }

        var (key, secret) = await issuer.IssueAsync(tenant, (AccessRole)request.Role, request.Name, context.CancellationToken);
        return new CreateApiKeyResponse { ApiKey = ToContract(key), Secret = secret };
    }

    public async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Admin);
        var keys = await store.ListAsync(tenant, context.CancellationToken);
        return new ListApiKeysResponse { ApiKeys = { keys.Select(ToContract) } };
    }

    public async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Admin);
        var key = await store.RevokeAsync(tenant, request.KeyId, clock.GetUtcNow(), context.CancellationToken)
            ?? throw new RpcException(new RpcStatus(StatusCode.NotFound, $"Project '{tenant}' has no API key '{request.KeyId}'."));
        directory.Forget(key.SecretHash);
        return new RevokeApiKeyResponse { ApiKey = ToContract(key) };
    }

    private static ApiKey ToContract(ApiKeyRecord key)
    {
        var contract = new ApiKey { Id = key.Id, Project = key.Tenant.Value, Role = (ContractRole)key.Role, Name = key.Name, CreateTime = Timestamp.FromDateTimeOffset(key.CreatedAt) };
        if (key.RevokedAt is { } revoked)
        {
            contract.RevokeTime = Timestamp.FromDateTimeOffset(revoked);
        }

        return contract;
    }
}
