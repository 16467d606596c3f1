using System;
using System.IO;
using System.Linq;
using ErrorSdk.Generator.Tests.Pipeline;
using ErrorSdk.Testing;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>
    /// The emitted files for the sample taxonomy match <c>Baselines/*.cs</c>. Set ERRORSDK_UPDATE_BASELINES=1 to
    /// rewrite them, then review the diff.
    /// </summary>
    public sealed class BaselineTests
    {
        private static readonly bool Update = Environment.GetEnvironmentVariable("ERRORSDK_UPDATE_BASELINES") == "1";

        [Fact]
        public void SampleTaxonomy_GeneratesTheFourBaselineFiles()
        {
            var run = GeneratorHarness.Run(TestFiles.SampleTaxonomy);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(
                new[]
                {
                    "Acme.Errors.AcmeExceptions.g.cs",
                    "Acme.Errors.AcmeInterfaces.g.cs",
                    "Acme.Errors.AcmeKinds.g.cs",
                    "Acme.Errors.AcmeTaxonomy.g.cs",
                },
                run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("Acme.Errors.AcmeTaxonomy.g.cs")]
        [InlineData("Acme.Errors.AcmeKinds.g.cs")]
        [InlineData("Acme.Errors.AcmeInterfaces.g.cs")]
        [InlineData("Acme.Errors.AcmeExceptions.g.cs")]
        public void SampleTaxonomy_MatchesBaseline(string hintName)
        {
            var actual = GeneratorHarness.Run(TestFiles.SampleTaxonomy).Sources[hintName];
            var path = Path.Combine(TestFiles.BaselinesDirectory, BaselineFileName(hintName));
            if (Update)
            {
                File.WriteAllText(path, actual);
                return;
            }

            Assert.True(File.Exists(path), "Missing baseline " + path + "; run with ERRORSDK_UPDATE_BASELINES=1.");
            var expected = File.ReadAllText(path).Replace("\r\n", "\n");
            if (expected != actual)
            {
                var expectedLines = expected.Split('\n');
                var actualLines = actual.Split('\n');
                int line = 0;
                while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
                {
                    line++;
                }

                Assert.Fail(
                    hintName + " differs from its baseline at line " + (line + 1) + ":\n  expected: " +
                    (line < expectedLines.Length ? expectedLines[line] : "<end>") + "\n  actual:   " +
                    (line < actualLines.Length ? actualLines[line] : "<end>") +
                    "\nRun with ERRORSDK_UPDATE_BASELINES=1 to accept the new output.");
            }
        }

        /// <summary><c>Acme.Errors.AcmeTaxonomy.g.cs</c> → <c>AcmeTaxonomy.cs</c>: the baselines are C# files to read.</summary>
        private static string BaselineFileName(string hintName)
        {
            var withoutSuffix = hintName.Substring(0, hintName.Length - ".g.cs".Length);
            return withoutSuffix.Substring(withoutSuffix.LastIndexOf('.') + 1) + ".cs";
        }
    }
}
