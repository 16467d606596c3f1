using System.IO;

namespace ErrorSdk.Cli.Tests.Infrastructure
{
    /// <summary>What one in-process run of the CLI returned and printed.</summary>
    internal sealed record CliResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Output + "\n--- stderr\n" + Error;
    }

    /// <summary>Runs <c>errorsdk</c> in-process through its real entry point.</summary>
    internal static class CliRunner
    {
        public static CliResult Run(params string[] args)
        {
            using var output = new StringWriter { NewLine = "\n" };
            using var error = new StringWriter { NewLine = "\n" };
            int exitCode = ErrorSdkCli.Run(args, output, error);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
    }
}
