using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CsCheck;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>One random edit of a taxonomy's text.</summary>
    public sealed record Mutation(MutationKind Kind, int At, int Other, string Text)
    {
        public override string ToString() => Kind + "(" + At + ", " + Other + ", \"" + Text.Replace("\n", "\\n", StringComparison.Ordinal) + "\")";
    }

    public enum MutationKind
    {
        DeleteToken,
        DuplicateToken,
        SwapTokens,
        InsertText,
        ReplaceToken,
        Truncate,
    }

    /// <summary>
    /// The generator never crashes: valid taxonomy text mutated at random (tokens deleted, duplicated, swapped or replaced,
    /// characters inserted, the text truncated) runs through the real generator in memory, 10,000 times. Every run ends
    /// with at least one ESDK error, or with generated code that compiles; never with an exception (CS8785), an analyzer
    /// failure (AD0001) or the reader's internal-error diagnostic (ESDK099).
    /// </summary>
    /// <remarks>
    /// Running the generator costs about a millisecond; compiling its output about a hundred. So each distinct output of an
    /// error-free run is compiled, up to <see cref="CompileBudget"/> distinct outputs per test run; further error-free runs
    /// are checked for a crash and for complete output, not compiled.
    /// </remarks>
    public class NeverCrashPropertyTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public NeverCrashPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
        {
            _output = output;
        }

        public const int Cases = 10_000;

        public const int CompileBudget = 40;

        private static readonly Regex TokenPattern = new Regex(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+\\-]*|true|false|null|[{}\\[\\]:,]|\\s+|.",
            RegexOptions.CultureInvariant);

        private static readonly string[] Seeds =
        {
            File.ReadAllText(Path.Combine(Corpus.GoodDirectory(), "base.json")),
            File.ReadAllText(Path.Combine(Corpus.GoodDirectory(), "diamond-parents-declare-code-and-retry.json")),
            File.ReadAllText(Path.Combine(Corpus.GoodDirectory(), "keyword-field-names.json")),
        };

        private static readonly string[] Insertions =
        {
            "{", "}", "[", "]", ":", ",", "\"", "\\", "/", "//", "/*", "*/", "0", "-", ".", "e", "a", "Z", "_", "\t", "\n", "\r",
            "\0", "\u00e9", "\ud800", "\ufeff", "\u2028", "{{", "}}", "{x}", "\\u", "\\ud800", "null", "true", "1e999",
        };

        private static readonly string[] Replacements =
        {
            "\"\"", "\"x\"", "\"NOT_FOUND\"", "\"TOOL_ERROR\"", "\"TOOL__ERROR\"", "\"UNSPECIFIED\"", "\"TAXONOMY\"", "\"OK\"",
            "\"UNAVAILABLE\"", "\"INVALID_ARGUMENT\"", "\"never\"", "\"transient\"", "\"throttled\"", "\"reauthenticate\"",
            "\"string\"", "\"int\"", "\"bool\"", "\"duration\"", "\"uri\"", "\"{provider}\"", "\"{rawBody}\"", "\"{{\"", "\"}\"",
            "\"parents\"", "\"fields\"", "\"fallback_for\"", "\"aliases\"", "\"abstract\"", "\"sensitive\"", "\"match\"",
            "\"class\"", "\"message\"", "\"\\ud800\"", "\"a\\u0000b\"", "0", "-1", "1", "2", "3", "9", "600", "2147483648",
            "3.5", "1e3", "99999999999999999999", "true", "false", "null", "[]", "{}", "[\"TOOL_ERROR\"]", "[\"TOOL_RATE_LIMIT\"]",
        };

        private static int _compiled;
        private static readonly ConcurrentDictionary<string, bool> CompiledOutputs = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private static Gen<Mutation> MutationGen =>
            from kind in Gen.OneOf(Enum.GetValues<MutationKind>())
            from at in Gen.Int[0, 5000]
            from other in Gen.Int[0, 5000]
            from text in kind == MutationKind.InsertText ? Gen.OneOf(Insertions) : Gen.OneOf(Replacements)
            select new Mutation(kind, at, other, text);

        public sealed record Case(int Seed, IReadOnlyList<Mutation> Mutations)
        {
            public override string ToString() => "seed " + Seed + ": " + string.Join(", ", Mutations);
        }

        private static Gen<Case> CaseGen =>
            from seed in Gen.Int[0, Seeds.Length - 1]
            from count in Gen.Int[1, 4]
            from mutations in MutationGen.List[count]
            select new Case(seed, mutations.ToList());

        public static string Apply(string text, IEnumerable<Mutation> mutations)
        {
            foreach (var m in mutations)
            {
                var tokens = TokenPattern.Matches(text).Select(t => t.Value).ToList();
                if (tokens.Count == 0)
                {
                    text = m.Kind == MutationKind.InsertText ? m.Text : text;
                    continue;
                }

                int i = m.At % tokens.Count;
                int j = m.Other % tokens.Count;
                switch (m.Kind)
                {
                    case MutationKind.DeleteToken:
                        tokens.RemoveAt(i);
                        break;
                    case MutationKind.DuplicateToken:
                        tokens.Insert(i, tokens[i]);
                        break;
                    case MutationKind.SwapTokens:
                        (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                        break;
                    case MutationKind.ReplaceToken:
                        tokens[i] = m.Text;
                        break;
                    case MutationKind.InsertText:
                        int at = m.At % (text.Length + 1);
                        text = text.Substring(0, at) + m.Text + text.Substring(at);
                        continue;
                    case MutationKind.Truncate:
                        text = text.Substring(0, m.At % (text.Length + 1));
                        continue;
                }

                text = string.Concat(tokens);
            }

            return text;
        }

        [Fact]
        public void Mutated_taxonomies_never_crash_the_generator_10000()
        {
            int errors = 0;
            int clean = 0;
            // One thread (xunit runs the test classes side by side); a failure is shrunk over the remaining cases to the
            // fewest, smallest mutations that still fail and reported with its seed (CsCheck_Seed=… replays it).
            CaseGen.Sample(
                c =>
                {
                    var text = Apply(Seeds[c.Seed], c.Mutations);
                    var outcome = GeneratorRunner.Run(text);
                    Assert.True(outcome.Crash is null, "generator threw for " + c + ": " + outcome.Crash);
                    Assert.True(outcome.CrashDiagnostics.Count == 0, "crash diagnostic for " + c + ": " + string.Join("; ", outcome.CrashDiagnostics));
                    if (outcome.Errors.Any(d => d.Id.StartsWith("ESDK", StringComparison.Ordinal)))
                    {
                        Interlocked.Increment(ref errors);
                        Assert.Empty(outcome.Sources);
                        return;
                    }

                    Interlocked.Increment(ref clean);
                    Assert.True(outcome.Errors.Count == 0, "errors without an ESDK error for " + c + ": " + string.Join("; ", outcome.Errors));
                    Assert.Equal(4, outcome.Sources.Count);
                    if (ShouldCompile(outcome))
                    {
                        var problems = outcome.CompileProblems();
                        Assert.True(problems.Count == 0, "output of " + c + " does not compile: " + string.Join("; ", problems.Take(5)));
                    }
                },
                iter: Cases,
                threads: 1);
            _output.WriteLine(errors + " runs ended with ESDK errors, " + clean + " with valid output; " + Math.Min(_compiled, CompileBudget) + " distinct outputs compiled.");
            // The mutations must exercise both outcomes, or the property proves little.
            Assert.True(errors > Cases / 2, errors + " runs with errors");
            Assert.True(clean > 0, "no mutated taxonomy stayed valid");
        }

        [Fact]
        public void Mutations_apply_as_described()
        {
            const string text = "{\"a\": [1, true]}";
            Assert.Equal("{\"a\" [1, true]}", Apply(text, new[] { new Mutation(MutationKind.DeleteToken, 2, 0, string.Empty) }));
            Assert.Equal("{\"a\"\"a\": [1, true]}", Apply(text, new[] { new Mutation(MutationKind.DuplicateToken, 1, 0, string.Empty) }));
            Assert.Equal("{\"a\": [true, 1]}", Apply(text, new[] { new Mutation(MutationKind.SwapTokens, 5, 8, string.Empty) }));
            Assert.Equal("{\"a\": [null, true]}", Apply(text, new[] { new Mutation(MutationKind.ReplaceToken, 5, 0, "null") }));
            Assert.Equal("{\"a\"}: [1, true]}", Apply(text, new[] { new Mutation(MutationKind.InsertText, 4, 0, "}") }));
            Assert.Equal("{\"a\": [", Apply(text, new[] { new Mutation(MutationKind.Truncate, 7, 0, string.Empty) }));
        }

        /// <summary>Compiles each distinct output once, up to the budget.</summary>
        private static bool ShouldCompile(GeneratorOutcome outcome)
        {
            if (Volatile.Read(ref _compiled) >= CompileBudget)
            {
                return false;
            }

            var all = string.Concat(outcome.Sources.Select(s => s.SourceText.ToString()));
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
            if (!CompiledOutputs.TryAdd(hash, true))
            {
                return false;
            }

            return Interlocked.Increment(ref _compiled) <= CompileBudget;
        }
    }
}
