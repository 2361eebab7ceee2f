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
    /// <param name="forDeploy">Loading for a deploy: placeholders (<see cref="SecurityRules.Placeholders"/>) are errors, not warnings.</param>
    public static StackConfig Load(string path, string? displayName = null, bool forDeploy = false)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigProblem(displayName ?? path, null, "", $"cannot read file: {e.Message}")]);
        }
        return Parse(text, displayName ?? path, forDeploy);
    }

    /// <summary>Parses YAML text; <paramref name="file"/> is only used in messages.</summary>
    public static StackConfig Parse(string yaml, string file, bool forDeploy = false)
    {
        var root = ReadRoot(yaml, file);
        var binder = new YamlBinder(file);
        var config = binder.Bind<StackConfig>(root);
        if (binder.Problems.Count > 0 || config is null)
            throw new ConfigException(binder.Problems);

        var checkedConfig = StackConfigValidator.Check(config);
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
        var warnings = checkedConfig.Warnings
            .Select(w => new ConfigProblem(file, LineOf(binder.Lines, w.Path), w.Path, w.Message))
            .ToList();
        return resolved with { SourcePath = file, Warnings = warnings };
    }

    private static YamlNode ReadRoot(string yaml, string file)
    {
        if (string.IsNullOrWhiteSpace(yaml))
            throw new ConfigException([new ConfigProblem(file, null, "", "the file is empty; a stack config needs at least app, environment, account, dns, regions and sizing")]);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new ConfigException([new ConfigProblem(file, (int)e.Start.Line, "", $"not valid YAML: {reason}")]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some malformed input (e.g. an unclosed flow list) this way, without a position.
            throw new ConfigException([new ConfigProblem(file, null, "", $"not valid YAML: {e.Message} (look for an unclosed [ or {{)")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            throw new ConfigException([new ConfigProblem(file, null, "", "the file has no content (only comments?)")]);
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
