using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace InferenceGrpc.Protocol.AspNetCore.Reflection;

/// <summary>
/// grpc.reflection.v1.ServerReflection (grpc doc/server-reflection.md): lists the services and
/// hands out file descriptors, so tools such as grpcurl can call the API without its .protos.
/// </summary>
public sealed class ReflectionService
{
    private readonly DescriptorIndex _index;

    internal ReflectionService(DescriptorIndex index) => _index = index;

    public async Task ServerReflectionInfo(IAsyncEnumerable<ServerReflectionRequest> requests, IServerStreamWriter<ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(Answer(request), context.CancellationToken).ConfigureAwait(false);
        }
    }

    internal ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(_index.Services.Select(name => new ServiceResponse { Name = name }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, _index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, _index.FindSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                var extension = request.FileContainingExtension;
                SetFile(response, _index.FindExtension(extension.ContainingType, extension.ExtensionNumber), $"Extension {extension.ExtensionNumber} of '{extension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (_index.FindSymbol(request.AllExtensionNumbersOfType) is null)
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                    break;
                }

                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                response.AllExtensionNumbersResponse.ExtensionNumber.AddRange(_index.ExtensionNumbers(request.AllExtensionNumbersOfType));
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request names no query.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(DescriptorIndex.WithDependencies(file).Select(f => f.SerializedData));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
