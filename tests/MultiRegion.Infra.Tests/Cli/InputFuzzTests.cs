using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>
/// Issue #15's fuzz test: several hundred deterministic mutations of the shipped configs (deleted keys, wrong types,
/// extreme numbers, unknown keys, encoding damage, alias abuse, deep nesting, tabs, truncation, huge values) and of
/// the command line. Every variant is either refused cleanly (exit 2, one <c>file:line: path: message</c> line per
/// problem, no stack trace, bounded length, the output folder untouched) or, where the mutation can be harmless,
/// accepted; nothing crashes. The loader runs in-process for speed; a few variants go through the real process.
/// </summary>
public sealed partial class InputFuzzTests
{
    private enum Kind { DeleteLine, WrongType, ExtremeNumber, UnknownKey, EncodingDamage, AliasAbuse, DeepNesting, TabIndent, Truncate, DuplicateLine, HugeValue }

    /// <summary>One variant: its bytes, how it was made, whether it must be refused and, if known, the line to blame.</summary>
    private sealed record Variant(Kind Kind, string Description, byte[] Bytes, bool MustRefuse, int? Line = null);

    private static readonly string[] Words = ["banana", "[1, 2]", "{ a: 1 }", "\"\"", "null", "~", "true", "-", "'quoted'", "*", "&", "!!binary x"];
    private static readonly string[] Numbers = ["99999999999999999999", "-2147483649", "2147483647", "-2147483648", "1e999", "-1e999", ".nan", ".inf", "0", "-1", "1.5", "0x10", "1_000"];

    [GeneratedRegex(@"^(\s*(?:- )?)([A-Za-z][A-Za-z0-9]*):(\s+)(.+)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<![\w.])-?\d+(\.\d+)?(?![\w.])")]
    private static partial Regex Number();

    private static IEnumerable<Variant> Variants()
    {
        var random = new Random(15);
        foreach (var name in new[] { "prod", "videochat", "dev" })
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Stacks, name + ".yaml"));
            var lines = text.Split('\n');
            int Pick(Func<string, bool> ok)
            {
                for (var tries = 0; ; tries++)
                {
                    var i = random.Next(lines.Length);
                    if (ok(lines[i]) || tries > 1000) return i;
                }
            }
            string With(int i, string line) => string.Join('\n', lines.Select((l, j) => j == i ? line : l));
            byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
            bool IsKeyLine(string l) => KeyValue().IsMatch(l) && !l.TrimStart().StartsWith('#');

            for (var n = 0; n < 17; n++)
            {
                var i = Pick(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
                yield return new(Kind.DeleteLine, $"{name}: delete line {i + 1}", Utf8(string.Join('\n', lines.Where((_, j) => j != i))), false);

                i = Pick(IsKeyLine);
                var m = KeyValue().Match(lines[i]);
                var word = Words[random.Next(Words.Length)];
                yield return new(Kind.WrongType, $"{name}:{i + 1}: {m.Groups[2].Value} = {word}", Utf8(With(i, $"{m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}{word}")), false);

                i = Pick(l => IsKeyLine(l) && Number().IsMatch(KeyValue().Match(l).Groups[4].Value.Split('#')[0]));
                var number = Numbers[random.Next(Numbers.Length)];
                yield return new(Kind.ExtremeNumber, $"{name}:{i + 1}: a number = {number}", Utf8(With(i, Number().Replace(lines[i], number, 1))), false);

                i = Pick(IsKeyLine);
                m = KeyValue().Match(lines[i]);
                var indent = m.Groups[1].Value.Replace("-", " ");
                yield return new(Kind.UnknownKey, $"{name}:{i + 2}: unknown key", Utf8(string.Join('\n', lines.Take(i + 1).Append($"{indent}zzUnknownSetting{n}: 1").Concat(lines.Skip(i + 1)))), false);

                i = Pick(IsKeyLine);
                var bytes = Utf8(string.Join('\n', lines.Take(i)) + "\n").ToList();
                var damaged = Encoding.UTF8.GetBytes(lines[i]).ToList();
                damaged.Insert(damaged.Count, (byte)(n % 2 == 0 ? 0xE9 : 0xC3)); // Latin-1 'é', or a truncated UTF-8 sequence
                bytes.AddRange(damaged);
                bytes.AddRange(Utf8("\n" + string.Join('\n', lines.Skip(i + 1))));
                yield return new(Kind.EncodingDamage, $"{name}:{i + 1}: invalid byte", bytes.ToArray(), true, i + 1);

                var depth = 3 + n;
                var laughs = new StringBuilder($"zzLaugh0: &l0 [{string.Join(", ", Enumerable.Repeat("x", 10))}]\n");
                for (var d = 1; d < depth; d++) laughs.Append($"zzLaugh{d}: &l{d} [{string.Join(", ", Enumerable.Repeat($"*l{d - 1}", 10))}]\n");
                yield return new(Kind.AliasAbuse, $"{name}: {depth} levels of aliases", Utf8(laughs + text), true);
                i = Pick(IsKeyLine);
                m = KeyValue().Match(lines[i]);
                yield return new(Kind.AliasAbuse, $"{name}:{i + 1}: undefined alias", Utf8(With(i, $"{m.Groups[1].Value}{m.Groups[2].Value}: *nowhere{n}")), true, i + 1);

                yield return new(Kind.DeepNesting, $"{name}: nesting {65 + n * 60}", Utf8(text + $"\nzzDeep: {new string('[', 65 + n * 60)}{new string(']', 65 + n * 60)}\n"), true);

                i = Pick(l => IsKeyLine(l) && l.StartsWith("  ", StringComparison.Ordinal));
                yield return new(Kind.TabIndent, $"{name}:{i + 1}: tab indent", Utf8(With(i, "\t" + lines[i].TrimStart())), true, i + 1);

                var cut = random.Next(1, text.Length);
                yield return new(Kind.Truncate, $"{name}: cut at {cut}", Utf8(text[..cut]), false);

                i = Pick(IsKeyLine);
                yield return new(Kind.DuplicateLine, $"{name}:{i + 1}: line twice", Utf8(string.Join('\n', lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1)))), false);

                if (n % 4 != 0) continue; // huge values are slow to validate: a few suffice
                i = Pick(l => IsKeyLine(l) && !KeyValue().Match(l).Groups[4].Value.StartsWith('{') && !KeyValue().Match(l).Groups[4].Value.StartsWith('['));
                m = KeyValue().Match(lines[i]);
                yield return new(Kind.HugeValue, $"{name}:{i + 1}: 200k value", Utf8(With(i, $"{m.Groups[1].Value}{m.Groups[2].Value}: {new string('z', 200_000)}")), false);
            }
        }
    }

    private static void AssertCleanRefusal(Variant v, IReadOnlyList<ConfigProblem> problems)
    {
        Assert.True(problems.Count > 0, v.Description);
        foreach (var p in problems)
        {
            var line = p.ToString();
            Assert.True(Regex.IsMatch(line, @"^fuzz\.yaml:\d+: "), $"{v.Kind} {v.Description}: no file:line: {Trim(line)}");
            Assert.True(line.Length < 2500, $"{v.Kind} {v.Description}: {line.Length} characters");
            Assert.DoesNotContain("   at ", line);
        }
        if (v.Line is { } expected)
            Assert.True(problems.Any(p => p.Line == expected), $"{v.Kind} {v.Description}: expected line {expected}, got {string.Join(" | ", problems.Select(p => Trim(p.ToString())))}");
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] : s;

    [Fact]
    public void Hundreds_of_mutated_configs_are_refused_cleanly_or_accepted_never_crash()
    {
        var watch = Stopwatch.StartNew();
        var byKind = new Dictionary<Kind, (int Refused, int Accepted)>();
        var variants = Variants().ToList();
        Assert.True(variants.Count >= 500, $"{variants.Count} variants");
        foreach (var v in variants)
        {
            var refused = true;
            try
            {
                ConfigLoader.Parse(StrictText.Decode(v.Bytes, "fuzz.yaml"), "fuzz.yaml");
                refused = false;
                Assert.False(v.MustRefuse, $"{v.Kind} {v.Description}: accepted");
            }
            catch (ConfigException e)
            {
                AssertCleanRefusal(v, e.Problems);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{v.Kind} {v.Description}: crashed with {e.GetType().Name}: {Trim(e.Message)}");
            }
            var (r, a) = byKind.GetValueOrDefault(v.Kind);
            byKind[v.Kind] = refused ? (r + 1, a) : (r, a + 1);
        }
        // Every kind of damage is refused at least sometimes (the generator really breaks things).
        foreach (var kind in Enum.GetValues<Kind>())
            Assert.True(byKind[kind].Refused > 0, $"{kind}: never refused");
        // About 8 s alone on 2 cores; the bound leaves room for a shared machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"fuzzing took {watch.Elapsed}");
    }

    [Fact]
    public void Refused_variants_through_the_main_job_exit_2_and_leave_the_output_folder_untouched()
    {
        var output = OutputFolders.PreviousOutput();
        var before = OutputFolders.Snapshot(output);
        var file = Path.Combine(Path.GetTempPath(), $"fuzz-{Guid.NewGuid():N}.yaml");
        var runs = 0;
        foreach (var v in Variants().Where((_, i) => i % 7 == 0))
        {
            File.WriteAllBytes(file, v.Bytes);
            try
            {
                ConfigLoader.Load(file, "fuzz.yaml");
                continue; // accepted: running it would synthesize, which the shipped-config tests cover
            }
            catch (ConfigException)
            {
            }
            var (code, o, e) = Run(["--stack", file, "--output", output]);
            runs++;
            Assert.True(code == 2, $"{v.Kind} {v.Description}: exit {code}\n{Trim(e)}");
            Assert.DoesNotContain("   at ", e + o);
            Assert.Matches(@"error: .*fuzz-[0-9a-f]+\.yaml:\d+: ", e);
        }
        File.Delete(file);
        Assert.True(runs >= 40, $"{runs} runs");
        Assert.Equal(before, OutputFolders.Snapshot(output));
    }

    [Fact]
    public void Mutated_command_lines_exit_2_with_one_clear_line_and_leave_the_output_folder_untouched()
    {
        var output = OutputFolders.PreviousOutput();
        var before = OutputFolders.Snapshot(output);
        var aFile = Path.Combine(Path.GetTempPath(), $"fuzz-file-{Guid.NewGuid():N}");
        File.WriteAllText(aFile, "not a folder");
        var other = Path.Combine(Path.GetTempPath(), $"fuzz-other-{Guid.NewGuid():N}");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "someone's files");
        var dev = Path.Combine(RepoPaths.Stacks, "dev.yaml");

        string[] tokens = ["--stack", "--output", "--stack=", "--output=", "", " ", "prod.yml", "stacks/prod.yml", "stacks", RepoPaths.Stacks,
            "--bogus", "-x", "--debug", new string('s', 10_000), "prdo", aFile, Path.Combine(aFile, "sub"), other, "/proc/multiregion-fuzz"];
        var random = new Random(14);
        var lines = new List<string[]>();
        for (var n = 0; n < 150; n++)
            lines.Add(Enumerable.Range(0, random.Next(1, 5)).Select(_ => tokens[random.Next(tokens.Length)]).Append("--output").Append(output).ToArray());
        // A valid config with a bad output folder: refused before anything is synthesized.
        foreach (var bad in new[] { aFile, Path.Combine(aFile, "sub"), other, "/proc/multiregion-fuzz" })
            lines.Add(["--stack", dev, "--output", bad]);

        foreach (var args in lines)
        {
            var (code, o, e) = Run(args);
            var shown = string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "..." : a));
            Assert.True(code == 2, $"{shown}: exit {code}\n{Trim(e)}");
            // Placeholder warnings may come first; an error line must follow.
            Assert.Contains(e.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", e + o);
            Assert.True(e.Split('\n').All(l => l.Length < 2500), shown);
        }
        Assert.Equal(before, OutputFolders.Snapshot(output));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(other).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_few_variants_through_the_real_process_exit_2_without_a_stack_trace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MultiRegion.Infra.dll");
        Assert.True(File.Exists(dll), dll);
        var output = OutputFolders.PreviousOutput();
        var before = OutputFolders.Snapshot(output);
        var bad = Path.Combine(Path.GetTempPath(), $"fuzz-latin1-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(bad, Encoding.Latin1.GetBytes(File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")).Replace("app: mlops", "app: mlopsé")));
        var deep = Path.Combine(Path.GetTempPath(), $"fuzz-deep-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(deep, "app: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var unknown = Path.Combine(Path.GetTempPath(), $"fuzz-unknown-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(unknown, File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")).Replace("protectData:", "protectDat:"));

        (string[] Args, Dictionary<string, string> Env, string Expected)[] cases =
        [
            // Refused while the jsii runtime is still starting on the warm-up thread: exiting under it used to
            // abort the process (exit 134) about one run in five, so this case runs several times.
            .. Enumerable.Repeat<(string[], Dictionary<string, string>, string)>((["--stack", unknown, "--output", output], [], "unknown setting 'protectDat'"), 4),
            (["--stack", bad, "--output", output], [], "not valid UTF-8"),
            (["--stack", deep, "--output", output], [], "nesting deeper than 64 levels"),
            (["--output", output], new() { ["CDK_CONTEXT_JSON"] = "{\"stack\": " }, "CDK_CONTEXT_JSON is not valid JSON"),
            (["--stack", "stacks/prod.yml", "--output", output], [], "did you mean"),
            (["--stack", Path.Combine(RepoPaths.Stacks, "dev.yaml"), "--output", ""], [], "--output is empty"),
        ];
        foreach (var (args, env, expected) in cases)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = RepoPaths.Root };
            start.ArgumentList.Add(dll);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment.Remove("CDK_OUTDIR");
            start.Environment.Remove("CDK_CONTEXT_JSON");
            foreach (var (k, val) in env) start.Environment[k] = val;
            var tmp = Directory.CreateTempSubdirectory("fuzz-tmp").FullName;
            start.Environment["TMPDIR"] = tmp;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var err = await stderr;
            Assert.True(process.ExitCode == 2, $"{string.Join(' ', args)}: exit {process.ExitCode}\n{Trim(err)}");
            Assert.Contains(expected, err);
            Assert.DoesNotContain("   at ", err + stdout);
            Assert.DoesNotContain("Unhandled exception", err);
            // The jsii runtime started on the warm-up thread and copied itself and the construct libraries (~66 MB)
            // into the temp folder; the process's scratch folder took them and is gone (Composition/ProcessScratch).
            Assert.Equal(["multiregion-scratch"], Directory.EnumerateFileSystemEntries(tmp).Select(Path.GetFileName));
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(tmp, "multiregion-scratch")));
            Directory.Delete(tmp, recursive: true);
        }
        File.Delete(bad);
        File.Delete(deep);
        Assert.Equal(before, OutputFolders.Snapshot(output));
    }

    private static (int Code, string Out, string Err) Run(string[] args, Dictionary<string, string>? env = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SynthCommand.Run(args, stdout, stderr, name => env is not null && env.TryGetValue(name, out var v) ? v : null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
