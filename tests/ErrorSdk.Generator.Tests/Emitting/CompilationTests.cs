using System.Linq;
using ErrorSdk.Generator.Tests.Pipeline;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>The generated code compiles with nothing above Info, nullable enabled.</summary>
    public sealed class CompilationTests
    {
        [Fact]
        public void SampleTaxonomy_CompilesWithoutWarnings()
        {
            var run = GeneratorHarness.Run(TestFiles.SampleTaxonomy);
            Assert.Empty(run.GeneratorDiagnostics);
            var problems = GeneratorHarness.Problems(run.Output.GetDiagnostics());
            Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString())));
        }
    }
}
