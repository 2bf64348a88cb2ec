using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Protocol;

/// <summary>
/// The outcome of a call: a code, a message, and optional typed details that travel as
/// <c>grpc-status-details-bin</c> (a serialized <see cref="Google.Rpc.Status"/>).
/// </summary>
public sealed record RpcStatus(StatusCode Code, string Message, IReadOnlyList<IMessage>? Details = null)
{
    public static readonly RpcStatus Ok = new(StatusCode.OK, string.Empty);

    /// <summary>The rich form, or null when there are no details to send.</summary>
    public Google.Rpc.Status? ToRichStatus()
    {
        if (Details is null || Details.Count == 0)
        {
            return null;
        }

        var rich = new Google.Rpc.Status { Code = (int)Code, Message = Message };
        foreach (var detail in Details)
        {
            rich.Details.Add(Any.Pack(detail));
        }

        return rich;
    }

    /// <summary>INVALID_ARGUMENT with a BadRequest detail naming each bad field.</summary>
    public static RpcStatus InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var badRequest = new Google.Rpc.BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        return new RpcStatus(StatusCode.InvalidArgument, message, violations.Length == 0 ? null : [badRequest]);
    }

    public override string ToString() => $"Status(StatusCode=\"{Code}\", Detail=\"{Message}\")";
}
