using System;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>Which files the generator reads, and how it reports bad input instead of failing.</summary>
    public sealed class GeneratorPipelineTests
    {
        [Fact]
        public void ReadsTaxonomyJsonAndStarDotTaxonomyJson_AnyCase_AndNothingElse()
        {
            var billing = Renamed("Billing");
            var tools = Renamed("Tools");
            var ignored = Renamed("Ignored");
            var run = GeneratorHarness.Run(new[]
            {
                new InMemoryAdditionalText("/src/a/TAXONOMY.JSON", TestFiles.SampleTaxonomy),
                new InMemoryAdditionalText("/src/b/billing.Taxonomy.Json", billing),
                new InMemoryAdditionalText("C:\\src\\c\\tools.taxonomy.json", tools),
                new InMemoryAdditionalText("/src/d/mytaxonomy.json", ignored),
                new InMemoryAdditionalText("/src/e/taxonomy.json.bak", ignored),
                new InMemoryAdditionalText("/src/f/taxonomy.schema.json", ignored),
                new InMemoryAdditionalText("/src/g/other.json", ignored),
            });

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(
                new[] { "Acme", "Billing", "Tools" },
                run.Sources.Keys.Where(k => k.EndsWith("Taxonomy.g.cs", StringComparison.Ordinal)).Select(k => k.Split('.')[0]).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Empty(GeneratorHarness.Problems(run.Output.GetDiagnostics()));
        }

        [Fact]
        public void TwoTaxonomiesWithTheSameNamespaceAndName_ReportESDK190_AndGenerateOnce()
        {
            var run = GeneratorHarness.Run(new[]
            {
                new InMemoryAdditionalText("/src/z/copy.taxonomy.json", TestFiles.SampleTaxonomy),
                new InMemoryAdditionalText("/src/a/taxonomy.json", TestFiles.SampleTaxonomy),
            });

            Assert.Null(run.Single.Exception);
            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("ESDK190", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            // The ordinally first path wins, whatever the order the files are listed in.
            Assert.Equal("/src/z/copy.taxonomy.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Contains("Acme.Errors.AcmeTaxonomy", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(4, run.Sources.Count);
        }

        [Fact]
        public void TwoTaxonomiesGeneratingTheSameKindClass_InOneNamespace_ReportESDK190()
        {
            var sameNamespace = TestFiles.SampleTaxonomy.Replace("\"name\": \"Acme\"", "\"name\": \"Other\"", StringComparison.Ordinal);
            var run = GeneratorHarness.Run(new[]
            {
                new InMemoryAdditionalText("/src/a/taxonomy.json", TestFiles.SampleTaxonomy),
                new InMemoryAdditionalText("/src/b/other.taxonomy.json", sameNamespace),
            });

            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("ESDK190", diagnostic.Id);
            Assert.Equal("/src/b/other.taxonomy.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Contains("Acme.Errors.TooManyRequestsException", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(4, run.Sources.Count);
            Assert.Empty(GeneratorHarness.Problems(run.Output.GetDiagnostics()));
        }

        [Fact]
        public void SameNameInAnotherNamespace_IsNoDuplicate()
        {
            var other = TestFiles.SampleTaxonomy.Replace("\"namespace\": \"Acme.Errors\"", "\"namespace\": \"Acme.Legacy\"", StringComparison.Ordinal);
            var run = GeneratorHarness.Run(new[]
            {
                new InMemoryAdditionalText("/src/a/taxonomy.json", TestFiles.SampleTaxonomy),
                new InMemoryAdditionalText("/src/b/taxonomy.json", other),
            });

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(8, run.Sources.Count);
            Assert.Contains("Acme.Legacy.AcmeTaxonomy.g.cs", run.Sources.Keys);
            Assert.Empty(GeneratorHarness.Problems(run.Output.GetDiagnostics()));
        }

        [Fact]
        public void InvalidTaxonomy_ReportsAtTheFileLine_AndGeneratesNothing()
        {
            var broken = TestFiles.SampleTaxonomy.Replace("\"number\": 11,", "\"number\": 10,", StringComparison.Ordinal);
            var run = GeneratorHarness.Run(broken, "/src/taxonomy.json");

            Assert.Null(run.Single.Exception);
            Assert.Empty(run.Sources);
            var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ESDK114");
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/src/taxonomy.json", span.Path);
            // Reported on the second kind that uses number 10 (TOOL_RATE_LIMIT), not at the top of the file.
            var lines = broken.Split('\n');
            int secondUse = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains("\"number\": 10,", StringComparison.Ordinal)).ElementAt(1);
            Assert.Equal(secondUse, span.StartLinePosition.Line);
        }

        [Fact]
        public void ExceptionWhileEmitting_IsReportedAsESDK099_NotAsAGeneratorCrash()
        {
            // A spec the validator would never produce: a template naming a field the kind does not have.
            TaxonomyParseResult Broken(string path, string text, CancellationToken cancellationToken)
            {
                var result = TaxonomyReader.Read(path, text, cancellationToken);
                var spec = result.Spec!;
                var kinds = spec.Kinds.Select(k => k.Reason != "UPSTREAM_ERROR" ? k : k with
                {
                    Message = new MessageTemplateSpec("{nope}", new EquatableArray<TemplatePart>(new[] { new TemplatePart(true, "nope") })),
                });
                return result with { Spec = spec with { Kinds = kinds.ToEquatableArray() } };
            }

            var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/src/taxonomy.json", TestFiles.SampleTaxonomy) }, new TaxonomyGenerator(Broken));

            Assert.Null(run.Single.Exception);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("ESDK099", diagnostic.Id);
            Assert.Contains("nope", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Equal("/src/taxonomy.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Empty(run.Sources);
        }

        private static string Renamed(string name) => TestFiles.SampleTaxonomy
            .Replace("\"name\": \"Acme\"", "\"name\": \"" + name + "\"", StringComparison.Ordinal)
            .Replace("\"namespace\": \"Acme.Errors\"", "\"namespace\": \"" + name + ".Errors\"", StringComparison.Ordinal);

        [Fact]
        public void HintNames_AreStableAndFew()
        {
            var run = GeneratorHarness.Run(TestFiles.SampleTaxonomy);
            Assert.Equal(
                new[] { "Acme.Errors.AcmeExceptions.g.cs", "Acme.Errors.AcmeInterfaces.g.cs", "Acme.Errors.AcmeKinds.g.cs", "Acme.Errors.AcmeTaxonomy.g.cs" },
                run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.All(run.Sources.Values, source =>
            {
                Assert.StartsWith("// <auto-generated/>\n// Generated by ErrorSdk.Generator from taxonomy.json.", source, StringComparison.Ordinal);
                Assert.Contains("#nullable enable\n#pragma warning disable CS0618, CS0612\n", source, StringComparison.Ordinal);
                Assert.DoesNotContain("/src/", source, StringComparison.Ordinal);
                Assert.DoesNotContain("\r", source, StringComparison.Ordinal);
            });
        }
    }
}
