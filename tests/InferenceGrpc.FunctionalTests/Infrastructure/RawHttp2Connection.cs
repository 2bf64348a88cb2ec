using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace InferenceGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// A bare HTTP/2 (h2c, prior knowledge) client that does only what a test tells it, so it can
/// misbehave as real clients cannot be made to: announce a tiny stream window and never send
/// WINDOW_UPDATE. Headers are HPACK literals without indexing; the server's SETTINGS are
/// acknowledged, nothing else is answered.
/// </summary>
internal sealed class RawHttp2Connection : IAsyncDisposable
{
    public const byte Data = 0x0, Headers = 0x1, RstStream = 0x3, Settings = 0x4, GoAway = 0x7;
    private const byte EndStream = 0x1, EndHeaders = 0x4, Ack = 0x1;
    private const ushort InitialWindowSizeSetting = 0x4;

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawHttp2Connection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects, sends the preface and SETTINGS with <paramref name="initialWindowSize"/> for every stream.</summary>
    public static async Task<RawHttp2Connection> ConnectAsync(Uri address, uint initialWindowSize, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, cancellationToken);
        var connection = new RawHttp2Connection(tcp);
        await connection._stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(), cancellationToken);
        var setting = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(setting, InitialWindowSizeSetting);
        BinaryPrimitives.WriteUInt32BigEndian(setting.AsSpan(2), initialWindowSize);
        await connection.WriteFrameAsync(Settings, 0, 0, setting, cancellationToken);
        return connection;
    }

    /// <summary>Sends one request on <paramref name="streamId"/>: headers, then the whole body, ending the stream.</summary>
    public async Task SendRequestAsync(int streamId, IEnumerable<(string Name, string Value)> headers, byte[] body, CancellationToken cancellationToken)
    {
        var block = new List<byte>();
        foreach (var (name, value) in headers)
        {
            block.Add(0x00); // literal header field without indexing, new name
            AddString(block, name);
            AddString(block, value);
        }

        await WriteFrameAsync(Headers, EndHeaders, streamId, [.. block], cancellationToken);
        await WriteFrameAsync(Data, EndStream, streamId, body, cancellationToken);
    }

    /// <summary>The next frame from the server (SETTINGS are acknowledged on the way).</summary>
    public async Task<(byte Type, byte Flags, int StreamId, byte[] Payload)> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var header = new byte[9];
        await _stream.ReadExactlyAsync(header, cancellationToken);
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, cancellationToken);
        var frame = (header[3], header[4], (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7FFFFFFF), payload);
        if (frame.Item1 == Settings && (frame.Item2 & Ack) == 0)
        {
            await WriteFrameAsync(Settings, Ack, 0, [], cancellationToken);
        }

        return frame;
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WriteFrameAsync(byte type, byte flags, int streamId, byte[] payload, CancellationToken cancellationToken)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
        payload.CopyTo(frame, 9);
        await _stream.WriteAsync(frame, cancellationToken);
    }

    // An HPACK string literal, not Huffman-coded: a 7-bit-prefix length, then the bytes.
    private static void AddString(List<byte> block, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var length = bytes.Length;
        if (length < 0x7F)
        {
            block.Add((byte)length);
        }
        else
        {
            block.Add(0x7F);
            for (length -= 0x7F; length >= 0x80; length >>= 7)
            {
                block.Add((byte)((length & 0x7F) | 0x80));
            }

            block.Add((byte)length);
        }

        block.AddRange(bytes);
    }
}
