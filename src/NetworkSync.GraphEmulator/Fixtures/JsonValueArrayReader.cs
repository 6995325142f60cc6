using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NetworkSync.GraphEmulator.Fixtures;

/// <summary>
/// Streams the elements of the top-level <c>value</c> array of a <c>{"value":[...]}</c> document without
/// holding the file in memory: a Utf8JsonReader runs over a refillable buffer and each element is
/// handed over as its raw UTF-8 bytes. Malformed JSON syntax throws <see cref="JsonException"/>.
/// </summary>
internal static class JsonValueArrayReader
{
    public delegate void ElementHandler(int index, ReadOnlySpan<byte> utf8, JsonTokenType kind);

    /// <summary>Returns false when the document has no top-level <c>value</c> array.</summary>
    public static bool Read(Stream stream, ElementHandler onElement)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            return ReadCore(stream, onElement, ref buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One long-running loop per file; skip the slow first JIT tier.
    private static bool ReadCore(Stream stream, ElementHandler onElement, ref byte[] buffer)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var state = new JsonReaderState(options);
        int start = 0, end = 0, index = 0;
        var endOfFile = false;
        var phase = Phase.SeekingValue;
        var pendingSkip = false;

        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), endOfFile, state);
            var checkpoint = reader.CurrentState;
            long checkpointConsumed = 0;
            var needMore = false;

            if (pendingSkip)
            {
                pendingSkip = !reader.TrySkip();
                needMore = pendingSkip;
                checkpoint = reader.CurrentState;
                checkpointConsumed = reader.BytesConsumed;
            }

            while (!needMore)
            {
                if (phase == Phase.InArray)
                {
                    checkpoint = reader.CurrentState;
                    checkpointConsumed = reader.BytesConsumed;
                }

                if (!reader.Read())
                {
                    needMore = true;
                    break;
                }

                switch (phase)
                {
                    case Phase.SeekingValue when reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName:
                        if (reader.ValueTextEquals("value"u8))
                        {
                            phase = Phase.ExpectingArray;
                        }
                        else if (!reader.TrySkip())
                        {
                            pendingSkip = true;
                            needMore = true;
                            checkpoint = reader.CurrentState;
                            checkpointConsumed = reader.BytesConsumed;
                        }

                        break;
                    case Phase.SeekingValue when reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartObject:
                        return false;
                    case Phase.ExpectingArray:
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            return false;
                        }

                        phase = Phase.InArray;
                        break;
                    case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                        return true;
                    case Phase.InArray:
                        var tokenStart = (int)reader.TokenStartIndex;
                        var kind = reader.TokenType;
                        if ((kind is JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.TrySkip())
                        {
                            needMore = true;
                            break;
                        }

                        onElement(index++, buffer.AsSpan(start + tokenStart, (int)reader.BytesConsumed - tokenStart), kind);
                        break;
                }
            }

            if (phase == Phase.InArray || pendingSkip)
            {
                state = checkpoint;
                start += (int)checkpointConsumed;
            }
            else
            {
                state = reader.CurrentState;
                start += (int)reader.BytesConsumed;
            }

            if (endOfFile)
            {
                // The reader wanted more than the file holds: either there was no value array at all,
                // or the document ended early.
                return phase == Phase.SeekingValue ? false : throw new JsonException("unexpected end of file");
            }

            // Keep the unread tail, grow the buffer if a single element fills it, then read more.
            var remaining = end - start;
            if (remaining > buffer.Length / 2)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(start, remaining).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            else
            {
                buffer.AsSpan(start, remaining).CopyTo(buffer);
            }

            start = 0;
            end = remaining;
            var read = stream.Read(buffer, end, buffer.Length - end);
            end += read;
            endOfFile = read == 0;
        }
    }

    private enum Phase
    {
        SeekingValue,
        ExpectingArray,
        InArray,
    }
}
