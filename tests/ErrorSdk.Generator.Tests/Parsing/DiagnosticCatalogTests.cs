using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Parsing
{
    /// <summary>The catalog, its Roslyn mapping, its documentation, and the reader's contract (never throw, honour cancellation).</summary>
    public class DiagnosticCatalogTests
    {
        private static readonly string[] ConstantIds = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        [Fact]
        public void EveryIdIsInTheCatalogOnceWithAnErrorSeverityAndAHelpLink()
        {
            var ids = DiagnosticCatalog.All.Select(d => d.Id).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.Equal(ConstantIds.OrderBy(x => x, StringComparer.Ordinal), ids.OrderBy(x => x, StringComparer.Ordinal));
            foreach (var definition in DiagnosticCatalog.All)
            {
                Assert.Matches("^ESDK[0-9]{3}$", definition.Id);
                Assert.Equal(TaxonomySeverity.Error, definition.Severity);
                Assert.Equal("docs/diagnostics.md#" + definition.Id.ToLowerInvariant(), definition.HelpLink);
                Assert.False(string.IsNullOrWhiteSpace(definition.Title));
            }
        }

        [Fact]
        public void EveryMessageFormatIsAValidCompositeFormat()
        {
            var args = Enumerable.Range(0, 8).Select(i => (object)("arg" + i)).ToArray();
            foreach (var definition in DiagnosticCatalog.All)
            {
                string message = string.Format(CultureInfo.InvariantCulture, definition.MessageFormat, args);
                Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void MissingArgumentsDoNotThrow()
        {
            string message = DiagnosticCatalog.FormatMessage(new DiagnosticInfo(DiagnosticIds.UnknownParent, null, EquatableArray<string>.Empty));
            Assert.Contains("names unknown parent", message, StringComparison.Ordinal);
        }

        [Fact]
        public void DescriptorsMirrorTheCatalog()
        {
            Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticDescriptors.All.Count);
            foreach (var definition in DiagnosticCatalog.All)
            {
                var descriptor = DiagnosticDescriptors.Get(definition.Id);
                Assert.Equal((definition.Id, "ErrorSdk", DiagnosticSeverity.Error, definition.HelpLink, true), (descriptor.Id, descriptor.Category, descriptor.DefaultSeverity, descriptor.HelpLinkUri, descriptor.IsEnabledByDefault));
                Assert.Equal(definition.Title, descriptor.Title.ToString(CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public void DiagnosticInfoBecomesARoslynDiagnosticAtTheSameSpan()
        {
            string text = Kinds(Root("A_ROOT", 1, code: "UNAVAILABLE", retry: "never"));
            var info = Assert.Single(Read(text).Diagnostics);
            var diagnostic = info.ToDiagnostic();
            var line = diagnostic.Location.GetLineSpan();
            Assert.Equal(("ESDK300", TaxonomyPath, info.Span!.StartLine, info.Span.StartColumn, info.Span.EndColumn), (diagnostic.Id, line.Path, line.StartLinePosition.Line, line.StartLinePosition.Character, line.EndLinePosition.Character));
            Assert.Equal(info.Span.Start, diagnostic.Location.SourceSpan.Start);
            Assert.Equal(DiagnosticCatalog.FormatMessage(info), diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        }

        [Fact]
        public void SpanlessDiagnosticHasNoLocation()
        {
            var info = new DiagnosticInfo(DiagnosticIds.InternalError, null, new EquatableArray<string>(new[] { "boom" }));
            Assert.Equal(Location.None, info.ToDiagnostic().Location);
        }

        [Fact]
        public void DocsHaveASectionPerIdAndReleasesListEveryId()
        {
            string docs = RepositoryFiles.Read("docs/diagnostics.md");
            string unshipped = RepositoryFiles.Read("generator/ErrorSdk.Generator/AnalyzerReleases.Unshipped.md");
            foreach (var id in ConstantIds)
            {
                Assert.Matches(new Regex("^## " + id + ":", RegexOptions.Multiline), docs);
                Assert.Contains("<a id=\"" + id.ToLowerInvariant() + "\"></a>", docs, StringComparison.Ordinal);
                Assert.Matches(new Regex("^" + id + " +\\| ErrorSdk +\\| Error +\\|", RegexOptions.Multiline), unshipped);
            }
        }

        [Fact]
        public void GeneratorCoreIsRoslynAndJsonFree()
        {
            // The core builds as its own project with no package reference: that build is the proof; this test keeps
            // the project file honest and names the file if a using slips in through a shared-source consumer.
            string core = Path.Combine(RepositoryFiles.Root, "generator", "ErrorSdk.Generator.Core");
            Assert.DoesNotContain("PackageReference", File.ReadAllText(Path.Combine(core, "ErrorSdk.Generator.Core.csproj")), StringComparison.Ordinal);
            var files = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToList();
            Assert.True(files.Count > 10);
            foreach (var file in files)
            {
                // Comments may name the libraries (to say why they are avoided); code may not use them.
                string source = Regex.Replace(File.ReadAllText(file), "//.*", string.Empty);
                Assert.False(source.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal), file);
                Assert.False(source.Contains("System.Text.Json", StringComparison.Ordinal), file);
            }
        }

        [Fact]
        public void DiagnosticsComeInFileOrder()
        {
            string text = Kinds(Root("B_ROOT", 2, code: "NOPE", extra: "\"http\": 1"), Root("a_bad", 1, retry: "maybe"));
            var result = Read(text);
            Assert.Equal(new[] { "ESDK117", "ESDK120", "ESDK112", "ESDK119" }, result.Diagnostics.Select(d => d.Id));
            Assert.True(result.Diagnostics.Select(d => d.Span!.Start).SequenceEqual(result.Diagnostics.Select(d => d.Span!.Start).OrderBy(s => s)));
        }

        [Fact]
        public void CancelledTokenStopsTheRead()
        {
            using var source = new CancellationTokenSource();
            source.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => TaxonomyReader.Read(TaxonomyPath, Sample, source.Token));
        }

        [Fact]
        public void NullTextIsAnEmptyFile()
        {
            var result = TaxonomyReader.Read(TaxonomyPath, null!, CancellationToken.None);
            Assert.Equal(DiagnosticIds.EmptyFile, Assert.Single(result.Diagnostics).Id);
        }

        [Fact]
        public void ManyKindsWithManyErrorsStillEndInDiagnostics()
        {
            var kinds = Enumerable.Range(0, 2000).Select(i => Child("K_" + i, i % 7, "\"K_" + ((i * 7) % 2000) + "\"", "\"code\": \"BAD\""));
            var result = Read(Kinds(kinds.ToArray()));
            Assert.Null(result.Spec);
            Assert.True(result.Diagnostics.Count > 2000);
        }
    }
}
