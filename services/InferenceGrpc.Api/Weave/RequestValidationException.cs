namespace InferenceGrpc.Api.Weave;

/// <summary>A request body that failed validation, with every error found, as FastAPI reports them.</summary>
internal sealed class RequestValidationException(IReadOnlyList<PydanticError> errors)
    : Exception($"{errors.Count} validation error(s), first: {errors[0].Message}")
{
    public IReadOnlyList<PydanticError> Errors => errors;
}
