using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;
using MultiRegion.Infra.Model.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Infra.Model.Loading;

/// <summary>
/// Reads and validates a stack config. The only way to get a <see cref="StackConfig"/>: what it returns
/// has passed every rule, so nothing downstream re-checks input.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads a file; throws <see cref="ConfigException"/> listing every problem.</summary>
    /// <param name="displayName">How messages name the file (e.g. relative to where the user ran the program).</param>
    /// <param name="today">The run's date the lifecycle guard checks against (default: today in UTC).</param>
    /// <param name="forDeploy">Loading for a deploy: placeholders (<see cref="SecurityRules.Placeholders"/>) are errors, not warnings.</param>
    public static StackConfig Load(string path, string? displayName = null, DateOnly? today = null, bool forDeploy = false)
    {
        var file = displayName ?? path;
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
                throw new ConfigException([new ConfigProblem(file, null, "", "is a folder; --stack takes a YAML file or a name in stacks/")]);
            var length = new FileInfo(path).Length;
            if (length > YamlLimits.MaxBytes)
            {
                // Name the line where the limit is crossed (reading only up to it).
                var head = new byte[YamlLimits.MaxBytes];
                using (var stream = File.OpenRead(path)) stream.ReadExactly(head);
                throw new ConfigException([new ConfigProblem(file, 1 + head.AsSpan().Count((byte)'\n'), "",
                    $"the file is {length:N0} bytes; a stack config is at most {YamlLimits.MaxBytes:N0} bytes (this line crosses the limit)")]);
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigProblem(file, null, "", $"cannot read file: {Echo.Of(e.Message)}")]);
        }
        return Parse(StrictText.Decode(bytes, file), file, today, forDeploy);
    }

    /// <summary>Parses YAML text; <paramref name="file"/> is only used in messages.</summary>
    /// <param name="today">The run's date the lifecycle guard checks against (default: today in UTC).</param>
    /// <param name="forDeploy">Loading for a deploy: placeholders are errors, not warnings.</param>
    public static StackConfig Parse(string yaml, string file, DateOnly? today = null, bool forDeploy = false)
    {
        if (yaml.Length > YamlLimits.MaxBytes)
            throw new ConfigException([new ConfigProblem(file, 1 + yaml.AsSpan(0, YamlLimits.MaxBytes).Count('\n'), "",
                $"the text is {yaml.Length:N0} characters; a stack config is at most {YamlLimits.MaxBytes:N0} (this line crosses the limit)")]);
        var root = ReadRoot(yaml, file);
        var binder = new YamlBinder(file);
        var config = binder.Bind<StackConfig>(root);
        if (binder.Problems.Count > 0 || config is null)
            throw new ConfigException(binder.Problems.Count > 0 ? binder.Problems : [new ConfigProblem(file, 1, "", "the document is not a mapping of settings")]);

        try
        {
            return Check(config, binder, file, today, forDeploy);
        }
        catch (Exception e) when (e is OverflowException or ArithmeticException or FormatException)
        {
            // Last line of defence: each rule checks its own ranges; a number no rule bounded must still not crash.
            throw new ConfigException([new ConfigProblem(file, null, "", $"a number is too large to compute with ({e.Message}); look for an extreme value")]);
        }
    }

    private static StackConfig Check(StackConfig config, YamlBinder binder, string file, DateOnly? today, bool forDeploy)
    {
        var checkedConfig = StackConfigValidator.Check(config, today);
        // A deploy with a documentation value fails late (unknown account, zone) or locks people out (RFC 5737 CIDR).
        var refused = forDeploy
            ? checkedConfig.Items.Concat(SecurityRules.Placeholders(config).Select(p => (Path: p.Path, Message: "refused for a deploy: " + p.Message)))
            : checkedConfig.Items;
        var problems = refused
            .Select(p => new ConfigProblem(file, LineOf(binder.Lines, p.Path), p.Path, p.Message))
            .ToList();
        if (problems.Count > 0)
            throw new ConfigException(problems);

        // Settle what the config leaves to the program, then hold every objective to the deployed settings.
        var resolved = ObjectivePlanner.Resolve(config);
        var broken = resolved.ObjectiveResults.Where(r => !r.Ok)
            .Select(r => new ConfigProblem(file, LineOf(binder.Lines, r.Name), r.Name, r.Refusal))
            .ToList();
        if (broken.Count > 0)
            throw new ConfigException(broken);
        var warnings = checkedConfig.Warnings.Concat(Planning.Cost.BudgetObjective.Warnings(resolved))
            .Select(w => new ConfigProblem(file, LineOf(binder.Lines, w.Path), w.Path, w.Message))
            .ToList();
        return resolved with { SourcePath = file, Warnings = warnings };
    }

    private static YamlNode ReadRoot(string yaml, string file)
    {
        if (string.IsNullOrWhiteSpace(yaml))
            throw new ConfigException([new ConfigProblem(file, 1, "", "the file is empty; a stack config needs at least app, environment, account, dns, regions and sizing")]);
        // Syntax, nesting, alias expansion and duplicate keys, each with its line, before the recursive node tree is built.
        YamlPrescan.Check(yaml, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new ConfigException([new ConfigProblem(file, (int)e.Start.Line, "", $"not valid YAML: {Echo.Of(reason)}")]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new ConfigException([new ConfigProblem(file, null, "", $"not valid YAML: {Echo.Of(e.Message)}")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            throw new ConfigException([new ConfigProblem(file, 1, "", "the file has no content (only comments?)")]);
        if (stream.Documents.Count > 1)
            throw new ConfigException([new ConfigProblem(file, (int)stream.Documents[1].RootNode.Start.Line, "", "one YAML document per stack config, found several")]);
        return stream.Documents[0].RootNode;
    }

    /// <summary>The line of a path, or of its nearest ancestor that appears in the file.</summary>
    private static int? LineOf(IReadOnlyDictionary<string, int> lines, string path)
    {
        for (var p = path; ; )
        {
            if (lines.TryGetValue(p, out var line)) return line;
            if (p.Length == 0) return null;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut < 0 ? "" : p[..cut];
        }
    }
}
