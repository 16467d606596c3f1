using System.IO;
using System.Linq;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Sdk
{
    /// <summary><c>errorsdk emit python|go</c>: committed output, help, template overrides and template errors.</summary>
    public sealed class EmitSdkCommandTests
    {
        internal const string RegeneratePython = "dotnet run --project tools/ErrorSdk.Cli -- emit python taxonomy/taxonomy.json -o docs/generated/python";
        internal const string RegenerateGo = "dotnet run --project tools/ErrorSdk.Cli -- emit go taxonomy/taxonomy.json -o docs/generated/go/errorsdkerrors";

        [Theory]
        [InlineData("python", "docs/generated/python", RegeneratePython)]
        [InlineData("go", "docs/generated/go/errorsdkerrors", RegenerateGo)]
        public void Committed_generated_sdk_is_up_to_date(string target, string committed, string regenerate)
        {
            using var temp = new TempDirectory("errorsdk-sdk-");
            var output = Path.Combine(temp.FullPath, "out");
            var result = CliRunner.Run("emit", target, Repo.DefaultTaxonomy, "-o", output);
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());

            var expected = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).OrderBy(f => f).ToList();
            var committedRoot = Repo.Path(committed.Split('/'));
            Assert.True(Directory.Exists(committedRoot), committed + " is missing. Generate it from the repository root with:\n  " + regenerate);
            var actual = Directory.GetFiles(committedRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committedRoot, f)).OrderBy(f => f).ToList();
            Assert.Equal(expected, actual);
            foreach (var file in expected)
            {
                Assert.True(
                    File.ReadAllText(Path.Combine(output, file)) == File.ReadAllText(Path.Combine(committedRoot, file)),
                    committed + "/" + file + " is stale: it no longer matches taxonomy/taxonomy.json and the templates. Regenerate it from the repository root with:\n  " + regenerate);
            }
        }

        [Fact]
        public void Emit_help_lists_the_sdk_targets()
        {
            var result = CliRunner.Run("emit", "--help");

            Assert.Contains("python", result.Output);
            Assert.Contains("go", result.Output);
            Assert.Contains("--templates", CliRunner.Run("emit", "python", "--help").Output);
        }

        [Fact]
        public void A_template_in_the_templates_directory_replaces_the_built_in_one_and_only_that_one()
        {
            using var temp = new TempDirectory("errorsdk-sdk-");
            Directory.CreateDirectory(Path.Combine(temp.FullPath, "templates", "python"));
            File.WriteAllText(Path.Combine(temp.FullPath, "templates", "python", "py.typed.scriban"), "# house style for {{ taxonomy.name }}: {{ for kind in taxonomy.concrete_kinds }}{{ kind.class_name }} {{ end }}\n");

            var result = CliRunner.Run("emit", "python", Repo.DefaultTaxonomy, "-o", Path.Combine(temp.FullPath, "out"), "--package", "acme_errors", "--templates", Path.Combine(temp.FullPath, "templates"));

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var overridden = File.ReadAllText(Path.Combine(temp.FullPath, "out", "acme_errors", "py.typed"));
            Assert.StartsWith("# house style for ErrorSdk: InvalidArgumentError FailedPreconditionError ", overridden);
            Assert.Contains("class ToolRateLimitError(ToolError, TooManyRequestsError):", File.ReadAllText(Path.Combine(temp.FullPath, "out", "acme_errors", "__init__.py")));
        }

        [Theory]
        [InlineData("line one\n{{ for kind in taxonomy.kinds }}{{ kind.reason }\n", "(2,")]
        [InlineData("ok\n\n   {{ no_such_variable }}\n", "(3,7): error: The variable or function `no_such_variable` was not found")]
        public void Template_errors_name_the_file_line_and_column_and_write_nothing(string template, string location)
        {
            using var temp = new TempDirectory("errorsdk-sdk-");
            Directory.CreateDirectory(Path.Combine(temp.FullPath, "templates", "go"));
            var path = Path.Combine(temp.FullPath, "templates", "go", "kinds.go.scriban");
            File.WriteAllText(path, template);

            var result = CliRunner.Run("emit", "go", Repo.DefaultTaxonomy, "-o", Path.Combine(temp.FullPath, "out"), "--templates", Path.Combine(temp.FullPath, "templates"));

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains(path + location, result.Error);
            Assert.False(Directory.Exists(Path.Combine(temp.FullPath, "out")), "nothing is written when a template fails");
        }

        [Theory]
        [InlineData("python", "class")]
        [InlineData("python", "Bad-Name")]
        [InlineData("go", "func")]
        public void An_unusable_package_name_is_a_usage_error(string target, string package)
        {
            using var temp = new TempDirectory("errorsdk-sdk-");

            var result = CliRunner.Run("emit", target, Repo.DefaultTaxonomy, "-o", Path.Combine(temp.FullPath, "out"), "--package", package);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("'" + package + "' is not a usable " + target + " package name", result.Error);
        }
    }
}
