using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>
    /// The bad-taxonomy corpus: <c>BadTaxonomies/NAME.json</c> (raw bytes, any encoding) with <c>NAME.expected</c> beside it:
    /// a <c>#</c> line describing the one defect, then one <c>ESDKnnn LINE</c> line per expected diagnostic. Every entry is
    /// diagnosed: a defect the generator does not report yet belongs in an issue, not in the corpus.
    /// </summary>
    internal static class Corpus
    {
        /// <summary>
        /// The test project's source folder, found above the output folder by <c>ErrorSdk.sln</c>. Not
        /// <c>[CallerFilePath]</c>: a CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/</c>.
        /// </summary>
        private static readonly Lazy<string> ProjectDirectory = new Lazy<string>(() =>
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ErrorSdk.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "ErrorSdk.Hardening.Tests");
                }
            }

            throw new InvalidOperationException("ErrorSdk.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Directory() => Path.Combine(ProjectDirectory.Value, "BadTaxonomies");

        public static string GoodDirectory() => Path.Combine(ProjectDirectory.Value, "GoodTaxonomies");

        public static IEnumerable<string> Names() =>
            System.IO.Directory.EnumerateFiles(Directory(), "*.json")
                .Select(f => Path.GetFileNameWithoutExtension(f))
                .OrderBy(n => n, StringComparer.Ordinal);

        public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory(), name + ".json"));

        public static CorpusExpectation Expected(string name)
        {
            var lines = File.ReadAllLines(Path.Combine(Directory(), name + ".expected"));
            var note = string.Join(" ", lines.Where(l => l.StartsWith("#", StringComparison.Ordinal)).Select(l => l.TrimStart('#', ' ')));
            var diagnostics = lines
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))
                .ToList();
            return new CorpusExpectation(note, diagnostics);
        }
    }

    /// <summary>What a corpus file must give: its note and the expected (id, 1-based line) diagnostics, in order.</summary>
    internal sealed record CorpusExpectation(string Note, IReadOnlyList<(string Id, int Line)> Diagnostics);
}
