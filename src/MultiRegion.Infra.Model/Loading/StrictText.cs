using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MultiRegion.Infra.Model.Loading;

/// <summary>
/// Decodes a stack config as strict UTF-8. A Latin-1 or damaged file is refused with the line of its first bad byte,
/// never decoded with U+FFFD replacements (which would end up in tags and names).
/// </summary>
public static class StrictText
{
    public static string Decode(byte[] bytes, string file)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..]; // UTF-8 byte order mark
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ConfigException([new ConfigProblem(file, 1, "", "the file is UTF-16; save it as UTF-8")]);

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
            return new string(chars, 0, written);

        var line = 1 + span[..read].Count((byte)'\n');
        throw new ConfigException([new ConfigProblem(file, line, "",
            $"byte 0x{span[read]:X2} at offset {read + (bytes.Length - span.Length)} is not valid UTF-8; save the file as UTF-8 (a Latin-1 file shows this)")]);
    }
}
