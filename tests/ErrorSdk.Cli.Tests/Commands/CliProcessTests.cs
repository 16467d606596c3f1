using System;
using System.IO;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Commands
{
    /// <summary>The built tool as a real process: exit codes and streams as a shell or CI sees them.</summary>
    public sealed class CliProcessTests
    {
        private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "ErrorSdk.Cli.dll");

        [Fact]
        public void Validate_runs_as_a_process_and_sets_the_exit_code()
        {
            var dotnet = ExternalProcess.FindOnPath("dotnet") ?? "dotnet";
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "ErrorSdk.Cli.runtimeconfig.json")), "the CLI's runtimeconfig was not copied beside the tests");

            var valid = ExternalProcess.Run(dotnet, new[] { CliAssembly, "validate", "taxonomy/taxonomy.json" }, Repo.Root);
            var invalid = ExternalProcess.Run(dotnet, new[] { CliAssembly, "validate", "tests/schema/invalid/code-ok.json" }, Repo.Root);

            Assert.True(valid.ExitCode == 0, valid.ToString());
            Assert.Equal("taxonomy/taxonomy.json: valid, 0 errors, 0 warnings (ErrorSdk 1.0.0, 44 kinds).\n", valid.Output);
            Assert.True(invalid.ExitCode == 1, invalid.ToString());
            Assert.Matches(@"^tests/schema/invalid/code-ok\.json\(\d+,\d+\): error ESDK118: ", invalid.Output);
        }

        [Fact]
        public void Emit_proto_as_a_process_matches_the_in_process_output()
        {
            var dotnet = ExternalProcess.FindOnPath("dotnet") ?? "dotnet";

            var result = ExternalProcess.Run(dotnet, new[] { CliAssembly, "emit", "proto", "taxonomy/taxonomy.json" }, Repo.Root);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(CliRunner.Run("emit", "proto", Repo.DefaultTaxonomy).Output, result.Output);
            Assert.Equal(string.Empty, result.Error);
        }
    }
}
