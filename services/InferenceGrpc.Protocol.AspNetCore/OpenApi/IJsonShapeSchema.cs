using InferenceGrpc.Protocol.AspNetCore.Transcoding;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>
/// Implemented by an <see cref="IJsonShape"/> whose JSON is not the proto3 JSON mapping, so the
/// OpenAPI document shows what its routes really speak instead of what the descriptors imply.
/// </summary>
public interface IJsonShapeSchema
{
    /// <summary>The OpenAPI schemas of one method's request, reply and error bodies.</summary>
    JsonShapeSchemas DescribeMethod(string methodFullName);
}
