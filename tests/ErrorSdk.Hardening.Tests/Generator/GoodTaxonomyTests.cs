using System.IO;
using System.Linq;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Generator
{
    /// <summary>
    /// Valid taxonomies that look hostile (a BOM, UTF-16, C# keywords as field names, escapes and doc-comment terminators in
    /// texts, a diamond whose parents disagree on code and retry and that declares both): each generates without a diagnostic, and the output compiles cleanly.
    /// </summary>
    public class GoodTaxonomyTests
    {
        public static TheoryData<string> Names()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Corpus.GoodDirectory(), "*.json").OrderBy(f => f, System.StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(file));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Each_good_taxonomy_generates_code_that_compiles(string name)
        {
            var outcome = GeneratorRunner.Run(File.ReadAllBytes(Path.Combine(Corpus.GoodDirectory(), name + ".json")));
            Assert.Null(outcome.Crash);
            Assert.Empty(outcome.Result.Diagnostics);
            Assert.Equal(4, outcome.Sources.Count);
            Assert.Empty(outcome.CompileProblems());
        }

        [Fact]
        public void In_a_diamond_whose_parents_disagree_the_kind_declares_code_and_retry_and_parents_that_agree_pass_on_http_and_message()
        {
            var outcome = GeneratorRunner.Run(File.ReadAllBytes(Path.Combine(Corpus.GoodDirectory(), "diamond-parents-declare-code-and-retry.json")));
            using var loaded = outcome.Load();
            var kinds = loaded.Taxonomy("Corpus.Errors.CorpusTaxonomy").Kinds;
            var bottom = kinds.Single(k => k.Reason == "BOTTOM_KIND");
            Assert.Equal(Google.Rpc.Code.FailedPrecondition, bottom.Code);
            Assert.Equal(ErrorSdk.RetryPolicy.Never, bottom.Retry);
            Assert.Equal(new[] { "LEFT_KIND", "RIGHT_KIND" }, bottom.Parents);

            // Same code and retry on both sides; http and message differ, and the first parent gives them.
            var agree = kinds.Single(k => k.Reason == "AGREE_KIND");
            Assert.Equal((Google.Rpc.Code.FailedPrecondition, ErrorSdk.RetryPolicy.Never, 400, "Something failed."), (agree.Code, agree.Retry, agree.HttpStatus, agree.MessageTemplate));
        }

        [Fact]
        public void Escapes_lone_surrogates_and_comment_terminators_survive_into_the_message_template()
        {
            var outcome = GeneratorRunner.Run(File.ReadAllBytes(Path.Combine(Corpus.GoodDirectory(), "unicode-text.json")));
            using var loaded = outcome.Load();
            var kind = loaded.Taxonomy("Corpus.Errors.CorpusTaxonomy").Kinds.Single(k => k.Reason == "UPSTREAM_ERROR");
            Assert.Equal("Upstream failed ({statusCode}): 100% {{literal}} \"quoted\" \u0000 \ud800.", kind.MessageTemplate);
            Assert.Contains("</summary> */ #endregion", kind.Description, System.StringComparison.Ordinal);
        }
    }
}
