using System.CommandLine;
using ErrorSdk.Cli.Loading;

namespace ErrorSdk.Cli.Commands
{
    /// <summary><c>errorsdk validate TAXONOMY [--format text|json]</c>.</summary>
    internal static class ValidateCommand
    {
        public static Command Create()
        {
            var taxonomy = CommonOptions.TaxonomyArgument();
            var format = CommonOptions.FormatOption();
            var command = new Command(
                "validate",
                "Check a taxonomy with the generator's own parser and validator. Prints 'path(line,col): error ESDKnnn: message' " +
                "per diagnostic (the ids and messages of the build) and exits 1 when there are errors.")
            {
                taxonomy,
                format,
            };
            command.SetAction(parseResult => Run(parseResult, parseResult.GetValue(taxonomy)!, parseResult.GetValue(format)!));
            return command;
        }

        private static int Run(ParseResult parseResult, string path, string format)
        {
            var output = parseResult.InvocationConfiguration.Output;
            var loaded = TaxonomyLoader.Load(path, parseResult.InvocationConfiguration.Error);
            if (loaded is null)
            {
                return ExitCodes.UsageError;
            }

            if (format == "json")
            {
                output.Write(DiagnosticFormatter.ToJson(loaded));
            }
            else
            {
                DiagnosticFormatter.WriteText(loaded, output);
                output.WriteLine(DiagnosticFormatter.Summary(loaded));
            }

            return loaded.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
        }
    }
}
