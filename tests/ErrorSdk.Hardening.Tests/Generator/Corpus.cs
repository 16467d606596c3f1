using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>
    /// The bad-taxonomy corpus: <c>BadTaxonomies/NAME.json</c> (raw bytes, any encoding) with <c>NAME.expected</c> beside it:
    /// a <c>#</c> line describing the one defect, then one <c>ESDKnnn LINE</c> line per expected diagnostic. Every entry is
    /// diagnosed: a defect the generator does not report yet belongs in an issue, not in the corpus.
    /// </summary>
    internal static class Corpus
    {
        public static string Directory([CallerFilePath] string thisFile = "") =>
            Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "BadTaxonomies");

        public static string GoodDirectory([CallerFilePath] string thisFile = "") =>
            Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "GoodTaxonomies");

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
