using System;
using System.Linq;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>
    /// The pipeline caches: an unrelated C# edit re-runs nothing, an equivalent taxonomy edit re-parses but changes
    /// no output, and a real edit re-emits.
    /// </summary>
    public sealed class IncrementalityTests
    {
        private static readonly string[] TrackedSteps =
        {
            TaxonomyGenerator.TrackingNames.Parse,
            TaxonomyGenerator.TrackingNames.Diagnostics,
            TaxonomyGenerator.TrackingNames.Spec,
            TaxonomyGenerator.TrackingNames.Deduplicate,
            TaxonomyGenerator.TrackingNames.DuplicateDiagnostics,
            TaxonomyGenerator.TrackingNames.UniqueSpec,
        };

        [Fact]
        public void EveryStep_IsTracked()
        {
            var (_, _, _, result) = FirstRun();
            foreach (var step in TrackedSteps)
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " is not tracked");
            }
        }

        [Fact]
        public void UnrelatedCSharpEdit_LeavesEveryStepAndOutputCached()
        {
            var (driver, compilation, _, _) = FirstRun();
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Unrelated { } }", GeneratorHarness.ParseOptions));

            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            foreach (var step in TrackedSteps)
            {
                AssertReasons(result, step, IncrementalStepRunReason.Cached);
            }

            AssertOutputs(result, IncrementalStepRunReason.Cached);
        }

        [Fact]
        public void WhitespaceOnlyTaxonomyEdit_GivesUnchangedOutputs()
        {
            var (driver, compilation, original, _) = FirstRun();
            var reformatted = new InMemoryAdditionalText(original.Path, "\n\n  " + TestFiles.SampleTaxonomy.Replace("\n", "\n    ", StringComparison.Ordinal) + "\n\t\n");

            var result = driver.ReplaceAdditionalText(original, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

            // The file is re-read and re-parsed; the equal parse result stops the change there.
            AssertReasons(result, TaxonomyGenerator.TrackingNames.Parse, IncrementalStepRunReason.Unchanged);
            foreach (var step in TrackedSteps.Skip(1))
            {
                AssertReasons(result, step, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
            }

            // Nothing is re-emitted (Roslyn 4.8 reports these outputs as Cached: their input did not change).
            AssertOutputs(result, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        }

        [Fact]
        public void RealTaxonomyEdit_ReEmits()
        {
            var (driver, compilation, original, _) = FirstRun();
            var edited = new InMemoryAdditionalText(original.Path, TestFiles.SampleTaxonomy.Replace("Too many requests.", "Slow down.", StringComparison.Ordinal));

            var run = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult();
            var result = run.Results.Single();

            AssertReasons(result, TaxonomyGenerator.TrackingNames.Spec, IncrementalStepRunReason.Modified);
            Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Contains("Slow down.", result.GeneratedSources.Single(s => s.HintName.EndsWith("Kinds.g.cs", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void EditingOneTaxonomy_LeavesTheOthersOutputsAlone()
        {
            var acme = new InMemoryAdditionalText("/src/acme/taxonomy.json", TestFiles.SampleTaxonomy);
            var broken = new InMemoryAdditionalText("/src/other/other.taxonomy.json", "{ \"name\": ");
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultConsumerSource);
            var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { acme, broken }).RunGenerators(compilation);
            Assert.NotEmpty(driver.GetRunResult().Diagnostics);

            // A different error in the other file: a diagnostic change, which must not re-emit Acme.
            var stillBroken = new InMemoryAdditionalText(broken.Path, "{ \"name\": 12 }");
            var result = driver.ReplaceAdditionalText(broken, stillBroken).RunGenerators(compilation).GetRunResult();

            Assert.NotEmpty(result.Diagnostics);
            Assert.Equal(4, result.GeneratedTrees.Length);
            // The emitting output is the one fed by the UniqueSpec step.
            var emitting = result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value)
                .Where(s => s.Inputs.Any(i => i.Source.Name == TaxonomyGenerator.TrackingNames.UniqueSpec))
                .SelectMany(s => s.Outputs)
                .ToList();
            Assert.NotEmpty(emitting);
            Assert.All(emitting, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
            AssertReasons(result.Results.Single(), TaxonomyGenerator.TrackingNames.UniqueSpec, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        }

        private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Taxonomy, GeneratorRunResult Result) FirstRun()
        {
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultConsumerSource);
            var taxonomy = new InMemoryAdditionalText("/src/Acme/taxonomy.json", TestFiles.SampleTaxonomy);
            var driver = GeneratorHarness.CreateDriver(new[] { taxonomy }).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();
            Assert.Equal(4, result.GeneratedSources.Length);
            return (driver, compilation, taxonomy, result);
        }

        private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), "step " + step + " did not run");
            foreach (var output in runs!.SelectMany(r => r.Outputs))
            {
                Assert.True(allowed.Contains(output.Reason), "step " + step + " output was " + output.Reason + ", expected " + string.Join(" or ", allowed));
            }
        }

        private static void AssertOutputs(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
        {
            var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var output in outputs)
            {
                Assert.True(allowed.Contains(output.Reason), "an output was " + output.Reason + ", expected " + string.Join(" or ", allowed));
            }
        }
    }
}
