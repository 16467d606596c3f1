using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using ErrorSdk.Cli.Commands;

namespace ErrorSdk.Cli
{
    /// <summary>
    /// The command tree of <c>errorsdk</c>: <c>validate</c>, <c>diff</c> and <c>emit proto|catalog|vectors|grpc-service-config|python|go</c>.
    /// <see cref="Run"/> is the whole program with its console streams passed in, so tests run commands in-process.
    /// </summary>
    public static class ErrorSdkCli
    {
        /// <summary>Builds the root command with every subcommand.</summary>
        public static RootCommand CreateRootCommand()
        {
            var root = new RootCommand(
                "errorsdk: validate an ErrorSdk taxonomy.json, check two versions for breaking changes, and emit the " +
                "artifacts other languages use (typed Python and Go error SDKs, .proto reason enum, Markdown catalog, conformance vectors, gRPC retry config).");
            root.Subcommands.Add(ValidateCommand.Create());
            root.Subcommands.Add(DiffCommand.Create());
            root.Subcommands.Add(EmitCommand.Create());
            return root;
        }

        /// <summary>
        /// Runs the command line <paramref name="args"/>, writing results to <paramref name="output"/> and problems to
        /// <paramref name="error"/>. Returns an <see cref="ExitCodes"/> value.
        /// </summary>
        public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
        {
            if (args is null)
            {
                throw new ArgumentNullException(nameof(args));
            }

            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            var parseResult = CreateRootCommand().Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine("errorsdk: " + parseError.Message);
                }

                error.WriteLine("Run 'errorsdk --help' for usage.");
                return ExitCodes.UsageError;
            }

            var configuration = new InvocationConfiguration { Output = output, Error = error };
            return parseResult.Invoke(configuration);
        }
    }
}
