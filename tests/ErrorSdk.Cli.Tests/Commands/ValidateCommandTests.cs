using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Parsing;
using Xunit;

namespace ErrorSdk.Cli.Tests.Commands
{
    public sealed class ValidateCommandTests
    {
        private static readonly Regex DiagnosticLine = new Regex(@"^(?<path>.+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>ESDK\d{3}): (?<message>.+)$");

        public static IEnumerable<object[]> InvalidCorpus() =>
            Directory.GetFiles(Repo.Path("tests", "schema", "invalid"), "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void Default_taxonomy_is_valid()
        {
            var result = CliRunner.Run("validate", Repo.DefaultTaxonomy);

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            Assert.Equal(Repo.DefaultTaxonomy + ": valid, 0 errors, 0 warnings (ErrorSdk 1.0.0, 44 kinds).\n", result.Output);
            Assert.Equal(string.Empty, result.Error);
        }

        [Theory]
        [MemberData(nameof(InvalidCorpus))]
        public void Every_invalid_corpus_file_gives_the_generators_diagnostics_as_compiler_lines(string file)
        {
            var path = Repo.Path("tests", "schema", "invalid", file);

            var result = CliRunner.Run("validate", path);

            Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
            var expected = TaxonomyReader.Read(path, File.ReadAllText(path), CancellationToken.None).Diagnostics;
            var lines = result.Output.TrimEnd('\n').Split('\n');
            Assert.Equal(expected.Count + 1, lines.Length);
            for (int i = 0; i < expected.Count; i++)
            {
                var diagnostic = expected[i];
                var line = lines[i];
                if (diagnostic.Span is { } span)
                {
                    var match = DiagnosticLine.Match(line);
                    Assert.True(match.Success, line);
                    Assert.Equal(path, match.Groups["path"].Value);
                    Assert.Equal(span.StartLine + 1, int.Parse(match.Groups["line"].Value));
                    Assert.Equal(span.StartColumn + 1, int.Parse(match.Groups["column"].Value));
                    Assert.Equal(diagnostic.Id, match.Groups["id"].Value);
                    Assert.Equal(DiagnosticCatalog.FormatMessage(diagnostic), match.Groups["message"].Value);
                }
                else
                {
                    Assert.StartsWith(path + ": error " + diagnostic.Id + ": ", line);
                }
            }

            Assert.EndsWith("error" + (expected.Count == 1 ? string.Empty : "s") + ", 0 warnings.", lines[^1]);
        }

        [Fact]
        public void Json_format_reports_ids_positions_and_help_links()
        {
            var path = Repo.Path("tests", "schema", "invalid", "code-ok.json");

            var result = CliRunner.Run("validate", path, "--format", "json");

            Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
            using var report = JsonDocument.Parse(result.Output);
            var root = report.RootElement;
            Assert.False(root.GetProperty("valid").GetBoolean());
            Assert.Equal(1, root.GetProperty("errors").GetInt32());
            var diagnostic = root.GetProperty("diagnostics")[0];
            Assert.Equal("ESDK118", diagnostic.GetProperty("id").GetString());
            Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
            Assert.True(diagnostic.GetProperty("line").GetInt32() > 1);
            Assert.Equal("docs/diagnostics.md#esdk118", diagnostic.GetProperty("helpLink").GetString());
        }

        [Fact]
        public void Json_format_of_a_valid_taxonomy_names_it()
        {
            var result = CliRunner.Run("validate", Repo.DefaultTaxonomy, "-f", "json");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            using var report = JsonDocument.Parse(result.Output);
            Assert.True(report.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal(44, report.RootElement.GetProperty("taxonomy").GetProperty("kinds").GetInt32());
            Assert.Equal(0, report.RootElement.GetProperty("diagnostics").GetArrayLength());
        }

        [Fact]
        public void Json_syntax_errors_have_positions()
        {
            using var temp = new TempDirectory();
            var path = temp.Write("broken.json", "{\n  \"name\": \"Acme\",\n  // a comment\n}\n");

            var result = CliRunner.Run("validate", path);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Matches(DiagnosticLine, result.Output.Split('\n')[0]);
            Assert.Contains("error ESDK002", result.Output);
        }

        [Fact]
        public void Missing_file_is_a_usage_error()
        {
            var result = CliRunner.Run("validate", "no/such/taxonomy.json");

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("cannot read 'no/such/taxonomy.json'", result.Error);
        }

        [Theory]
        [InlineData("validate")]
        [InlineData("validate", "a.json", "--format", "xml")]
        [InlineData("frobnicate")]
        [InlineData]
        public void Bad_arguments_are_usage_errors(params string[] args)
        {
            var result = CliRunner.Run(args);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("errorsdk --help", result.Error);
        }

        [Fact]
        public void Help_lists_every_command()
        {
            var result = CliRunner.Run("--help");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            foreach (var command in new[] { "validate", "diff", "emit" })
            {
                Assert.Contains(command, result.Output);
            }

            var emit = CliRunner.Run("emit", "--help");
            foreach (var artifact in new[] { "proto", "catalog", "vectors", "grpc-service-config" })
            {
                Assert.Contains(artifact, emit.Output);
            }
        }
    }
}
