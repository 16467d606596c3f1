using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ErrorSdk.Testing;
using Xunit;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>Equal taxonomies give byte-identical output: across runs, key orders, machines and cultures.</summary>
    public sealed class DeterminismTests
    {
        [Fact]
        public void TwoRuns_AreByteIdentical()
        {
            var first = GeneratorHarness.Run(TestFiles.SampleTaxonomy).Single.GeneratedSources;
            var second = GeneratorHarness.Run(TestFiles.SampleTaxonomy).Single.GeneratedSources;

            Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
            for (int i = 0; i < first.Length; i++)
            {
                Assert.Equal(first[i].SourceText.ToString(), second[i].SourceText.ToString());
                Assert.Equal(first[i].SourceText.Encoding, second[i].SourceText.Encoding);
                Assert.True(first[i].SourceText.GetChecksum().SequenceEqual(second[i].SourceText.GetChecksum()), first[i].HintName + " checksums differ");
            }
        }

        [Fact]
        public void KeyOrderOfTheFile_DoesNotMatter()
        {
            var reordered = Reverse(JsonNode.Parse(TestFiles.SampleTaxonomy)!).ToJsonString();
            Assert.NotEqual(TestFiles.SampleTaxonomy.Trim(), reordered);

            AssertSameOutput(GeneratorHarness.Run(TestFiles.SampleTaxonomy), GeneratorHarness.Run(reordered));
        }

        [Fact]
        public void DirectoryOfTheFile_DoesNotMatter()
        {
            AssertSameOutput(
                GeneratorHarness.Run(TestFiles.SampleTaxonomy, "/home/ci/build/src/taxonomy.json"),
                GeneratorHarness.Run(TestFiles.SampleTaxonomy, "C:\\Users\\dev\\repo\\taxonomy.json"));
        }

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("ar-SA")]
        [InlineData("de-CH")]
        public void CurrentCulture_DoesNotMatter(string culture)
        {
            var invariant = GeneratorHarness.Run(TestFiles.SampleTaxonomy);
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                AssertSameOutput(invariant, GeneratorHarness.Run(TestFiles.SampleTaxonomy));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        private static void AssertSameOutput(GeneratorRun expected, GeneratorRun actual)
        {
            Assert.Empty(actual.GeneratorDiagnostics);
            Assert.Equal(expected.Sources.Keys, actual.Sources.Keys);
            foreach (var (hintName, source) in expected.Sources)
            {
                Assert.True(source == actual.Sources[hintName], hintName + " differs");
            }
        }

        /// <summary>The same JSON with every object's keys in reverse order (arrays keep their order: it means something).</summary>
        private static JsonNode Reverse(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    var reversed = new JsonObject();
                    foreach (var (key, value) in obj.ToList().AsEnumerable().Reverse())
                    {
                        reversed[key] = value is null ? null : Reverse(value.DeepClone());
                    }

                    return reversed;
                case JsonArray array:
                    return new JsonArray(array.Select(item => item is null ? null : Reverse(item.DeepClone())).ToArray());
                default:
                    return node.DeepClone();
            }
        }
    }
}
