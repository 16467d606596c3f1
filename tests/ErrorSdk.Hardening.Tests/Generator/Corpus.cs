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
    /// a <c>#</c> line describing the one defect, then one <c>ESDKnnn LINE</c> line per expected diagnostic (and <c>gap</c>
    /// for a defect the generator does not diagnose yet).
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
            bool gap = lines.Any(l => l.Trim() == "gap");
            var diagnostics = lines
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal) && l.Trim() != "gap")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))
                .ToList();
            return new CorpusExpectation(note, diagnostics, gap);
        }
    }

    /// <summary>
    /// What a corpus file must give. A <c>gap</c> line marks a defect the generator does not diagnose yet: the expected
    /// lines say what it should report; until it does, the entry runs in the known-gap test instead.
    /// </summary>
    internal sealed record CorpusExpectation(string Note, IReadOnlyList<(string Id, int Line)> Diagnostics, bool IsGap);
}
