using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MultiRegion.Infra.Model.Loading;

/// <summary>Sizes a stack config may not exceed. A real config is a few hundred lines; these stop hostile or broken files.</summary>
public static class YamlLimits
{
    /// <summary>Largest file read (the shipped prod.yaml is about 15 KB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists (the shipped configs nest 6 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values the document may hold once every alias is expanded (the shipped prod.yaml holds about 1,000).</summary>
    public const long MaxExpandedNodes = 100_000;
}

/// <summary>
/// Walks the YAML event stream once before the node tree is built, so what would crash or exhaust the process
/// is refused with its line instead: nesting deeper than <see cref="YamlLimits.MaxDepth"/> (the node tree is built
/// recursively), aliases expanding beyond <see cref="YamlLimits.MaxExpandedNodes"/> (a "billion laughs" file binds
/// exponentially), undefined aliases, duplicate keys, and syntax errors (with plain wording and the real line).
/// </summary>
internal static class YamlPrescan
{
    private sealed class Frame(bool isMapping, bool isFlow, int line, string? anchor, long totalAtStart)
    {
        public bool IsMapping { get; } = isMapping;
        public bool IsFlow { get; } = isFlow;
        public int Line { get; } = line;
        public string? Anchor { get; } = anchor;
        public long TotalAtStart { get; } = totalAtStart;
        public bool ExpectKey { get; set; } = true;
        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }

    public static void Check(string yaml, string file)
    {
        var frames = new Stack<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        var lastLine = 1;
        ConfigException Refuse(int line, string message) => new([new ConfigProblem(file, line, "", message)]);

        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var line = (int)ev.Start.Line;
                lastLine = line;
                switch (ev)
                {
                    case MappingStart or SequenceStart:
                    {
                        NoteKey(frames, null, line, file);
                        if (frames.Count + 1 > YamlLimits.MaxDepth)
                            throw Refuse(line, $"nesting deeper than {YamlLimits.MaxDepth} levels (a stack config nests a handful)");
                        total++;
                        var node = (NodeEvent)ev;
                        var flow = ev is MappingStart { Style: MappingStyle.Flow } || ev is SequenceStart { Style: SequenceStyle.Flow };
                        frames.Push(new Frame(ev is MappingStart, flow, line, node.Anchor.IsEmpty ? null : node.Anchor.Value, total - 1));
                        break;
                    }
                    case MappingEnd or SequenceEnd:
                    {
                        var done = frames.Pop();
                        if (done.Anchor is { } a) anchors[a] = total - done.TotalAtStart;
                        Advance(frames);
                        break;
                    }
                    case Scalar scalar:
                        NoteKey(frames, scalar.Value, line, file);
                        total++;
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = 1;
                        Advance(frames);
                        break;
                    case AnchorAlias alias:
                        NoteKey(frames, null, line, file);
                        if (!anchors.TryGetValue(alias.Value.Value, out var size))
                            throw Refuse(line, $"alias '*{Echo.Of(alias.Value.Value)}' is not defined above (define it with '&{Echo.Of(alias.Value.Value)}' before using it)");
                        total += size;
                        Advance(frames);
                        break;
                }
                if (total > YamlLimits.MaxExpandedNodes)
                    throw Refuse(line, $"the document expands to more than {YamlLimits.MaxExpandedNodes:N0} values (aliases repeat what they point at); a stack config holds about a thousand");
            }
        }
        catch (YamlException e) when (FirstTabIndent(yaml) is { } tabLine)
        {
            // The scanner reports a tab in the indentation at the token before it (often line 1): name the tab's line.
            _ = e;
            throw Refuse(tabLine, "not valid YAML: a tab in the indentation; YAML indents with spaces only");
        }
        catch (SemanticErrorException e) when (e.Message.Contains("did not find expected ',' or '}'", StringComparison.Ordinal)
                                               && LineText(yaml, (int)e.Start.Line).Contains('&'))
        {
            // YamlDotNet 16.3 refuses a valid anchor on a scalar value inside { } unless it is the mapping's last entry
            // (https://github.com/aaubry/YamlDotNet/issues/949, still present in 16.3): say so instead of "not valid".
            throw Refuse((int)e.Start.Line,
                "the YAML reader (YamlDotNet 16.3) cannot read an anchor (&name) on a value inside { } unless that entry comes last; move the anchored entry to the end of the { } or write this mapping in block style");
        }
        catch (YamlException e)
        {
            var open = frames.FirstOrDefault(f => f.IsFlow);
            var hint = open is not null ? $" (look at the {(open.IsMapping ? "{" : "[")} opened at line {open.Line}: is it closed?)" : "";
            throw Refuse(Math.Max(1, (int)e.Start.Line), $"not valid YAML: {Plain(e)}{hint}");
        }
        catch (Exception e) when (e is not (ConfigException or InvalidOperationException))
        {
            // Anything else the reader throws is still about this text: refuse it at the last line read, never crash.
            throw Refuse(lastLine, $"not valid YAML: {Echo.Of(e.Message.Split('\n')[0])}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner reports an unclosed flow collection this way, without a position.
            var open = frames.FirstOrDefault(f => f.IsFlow);
            throw open is not null
                ? Refuse(open.Line, $"not valid YAML: the {(open.IsMapping ? "{" : "[")} opened here is never closed")
                : Refuse(lastLine, "not valid YAML: the document ends in the middle of a value");
        }
    }

    /// <summary>A duplicated key would silently drop one value (or crash the node tree): refuse it with both lines.</summary>
    private static void NoteKey(Stack<Frame> frames, string? key, int line, string file)
    {
        if (frames.Count == 0 || !frames.Peek().IsMapping || !frames.Peek().ExpectKey || key is null) return;
        var keys = frames.Peek().Keys;
        if (keys.TryGetValue(key, out var first))
            throw new ConfigException([new ConfigProblem(file, line, "", $"not valid YAML: duplicate key '{Echo.Of(key)}' (first at line {first}); YAML keeps only one of them")]);
        keys[key] = line;
    }

    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count > 0 && frames.Peek().IsMapping) frames.Peek().ExpectKey = !frames.Peek().ExpectKey;
    }

    private static int? FirstTabIndent(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i][..indent].Contains('\t') && indent < lines[i].TrimEnd('\r').Length && lines[i].TrimStart(' ', '\t')[0] != '#')
                return i + 1;
        }
        return null;
    }

    private static string LineText(string yaml, int line)
    {
        var lines = yaml.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1] : "";
    }

    // The scanner's wording, without its "(Line: 3, Col: 1, Idx: 20) - (...): " position prefix (the line is given separately).
    private static string Plain(YamlException e)
    {
        var m = e.Message;
        var cut = m.IndexOf("): ", StringComparison.Ordinal);
        return Echo.Of(cut >= 0 && m.StartsWith("(Line", StringComparison.Ordinal) ? m[(cut + 3)..] : m);
    }
}
