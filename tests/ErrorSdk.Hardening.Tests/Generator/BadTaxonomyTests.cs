using System.Globalization;
using System.Linq;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>Every malformed taxonomy of the corpus gives exactly its expected diagnostics, at their lines, and no crash.</summary>
    public class BadTaxonomyTests
    {
        public static TheoryData<string> Diagnosed()
        {
            var data = new TheoryData<string>();
            foreach (var name in Corpus.Names())
            {
                data.Add(name);
            }

            return data;
        }

        [Fact]
        public void The_corpus_has_at_least_40_taxonomies_each_with_an_expectation()
        {
            var names = Corpus.Names().ToList();
            Assert.True(names.Count >= 40, names.Count + " taxonomies");
            Assert.All(names, n => Assert.NotEmpty(Corpus.Expected(n).Diagnostics));
        }

        [Theory]
        [MemberData(nameof(Diagnosed))]
        public void Each_bad_taxonomy_reports_its_diagnostic_at_its_line(string name)
        {
            var expected = Corpus.Expected(name);
            var outcome = GeneratorRunner.Run(Corpus.Bytes(name));
            Assert.Null(outcome.Crash);
            Assert.Empty(outcome.CrashDiagnostics);
            Assert.Empty(outcome.Sources);
            Assert.True(expected.Diagnostics.SequenceEqual(outcome.Reported), Describe(name, expected, outcome));
        }

        internal static string Describe(string name, CorpusExpectation expected, GeneratorOutcome outcome) =>
            name + " (" + expected.Note + "): expected [" + string.Join(", ", expected.Diagnostics) + "], reported [" +
            string.Join(", ", outcome.Result.Diagnostics.Concat(outcome.DriverDiagnostics).Select(d =>
                d.Id + " " + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + ": " + d.GetMessage(CultureInfo.InvariantCulture))) + "]";
    }
}
