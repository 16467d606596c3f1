using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>
    /// Corpus entries too large to keep as files, built in code from the corpus's base taxonomy: a 10 MB string in three
    /// places and a 1,000-deep inheritance chain.
    /// </summary>
    public class LargeTaxonomyTests
    {
        private static readonly string Base = File.ReadAllText(Path.Combine(Corpus.GoodDirectory(), "base.json"));

        private static readonly string TenMegabytes = new string('x', 10 * 1024 * 1024);

        private static int LineOf(string text, string needle) => text.Substring(0, text.IndexOf(needle, System.StringComparison.Ordinal)).Count(c => c == '\n') + 1;

        [Fact]
        public void A_10MB_unterminated_string_is_invalid_json_at_its_line()
        {
            var text = Base.Replace("\"description\": \"Upstream failed.\",", "\"description\": \"" + TenMegabytes);
            var outcome = GeneratorRunner.Run(text);
            Assert.Null(outcome.Crash);
            Assert.Equal(new[] { ("ESDK001", LineOf(Base, "\"description\": \"Upstream failed.\"")) }, outcome.Reported);
        }

        [Fact]
        public void A_10MB_reason_is_an_invalid_reason_at_its_line()
        {
            var text = Base.Replace("\"UPSTREAM_ERROR\": {", "\"" + new string('U', TenMegabytes.Length) + "\": {");
            var outcome = GeneratorRunner.Run(text);
            Assert.Null(outcome.Crash);
            Assert.Equal(new[] { ("ESDK112", LineOf(Base, "\"UPSTREAM_ERROR\": {")) }, outcome.Reported);
        }

        [Fact]
        public void A_10MB_description_generates_without_a_crash()
        {
            // Valid: the format sets no length limit on descriptions. The generator must carry it, not crash or hang.
            var text = Base.Replace("\"description\": \"Upstream failed.\",", "\"description\": \"" + TenMegabytes + "\",");
            var outcome = GeneratorRunner.Run(text);
            Assert.Null(outcome.Crash);
            Assert.Empty(outcome.Result.Diagnostics);
            Assert.Contains(outcome.Sources, s => s.SourceText.Length > TenMegabytes.Length);
        }

        [Fact]
        public void A_1000_deep_inheritance_chain_generates_without_a_diagnostic()
        {
            var outcome = GeneratorRunner.Run(Chain(1000));
            Assert.Null(outcome.Crash);
            Assert.Empty(outcome.Result.Diagnostics);
            var exceptions = outcome.Sources.Single(s => s.HintName.EndsWith("Exceptions.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
            Assert.Contains("class Level1000Exception : global::Corpus.Errors.Level999Exception", exceptions, System.StringComparison.Ordinal);
        }

        /// <summary>
        /// Compiling the 1,000-deep output takes 20 to 60 s on two cores (it is 10.9 MB: every kind lists all its ancestors),
        /// so the compile-and-run check uses 100 levels (200 take about 20 s); generation itself is checked at 1,000 above.
        /// </summary>
        [Fact]
        public void A_100_deep_inheritance_chain_compiles_and_runs()
        {
            var outcome = GeneratorRunner.Run(Chain(100));
            Assert.Empty(outcome.Result.Diagnostics);
            Assert.Empty(outcome.CompileProblems());
            using var loaded = outcome.Load();
            var taxonomy = loaded.Taxonomy("Corpus.Errors.CorpusTaxonomy");
            var deepest = taxonomy.Kinds.Single(k => k.Reason == "LEVEL_100");
            Assert.Equal(99, deepest.Ancestors.Count);
            Assert.Equal(ErrorSdk.RetryPolicy.Never, deepest.Retry);
            var error = taxonomy.Create("LEVEL_100", null)!;
            var promoted = taxonomy.Promote(error.ToStatus());
            Assert.Equal(error.GetType(), promoted.GetType());
            Assert.Equal(100, Depth(promoted.GetType()) - Depth(typeof(ErrorSdk.TaxonomyException)));
        }

        private static int Depth(System.Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

        private static string Chain(int depth)
        {
            var kinds = new StringBuilder();
            for (int i = 1; i <= depth; i++)
            {
                kinds.Append(i == 1
                    ? "    \"LEVEL_1\": { \"number\": 101, \"description\": \"Level 1.\", \"code\": \"INTERNAL\", \"retry\": \"never\", \"message\": \"Failed.\" }"
                    : ",\n    \"LEVEL_" + i + "\": { \"number\": " + (i + 100) + ", \"description\": \"Level " + i + ".\", \"parents\": [\"LEVEL_" + (i - 1) + "\"] }");
            }

            return Base.Substring(0, Base.IndexOf("\"kinds\"", System.StringComparison.Ordinal)) + "\"kinds\": {\n" + kinds + "\n  }\n}\n";
        }
    }
}
