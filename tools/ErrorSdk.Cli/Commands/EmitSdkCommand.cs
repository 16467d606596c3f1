using System;
using System.CommandLine;
using System.IO;
using ErrorSdk.Cli.Emitting.Sdk;
using ErrorSdk.Cli.Loading;

namespace ErrorSdk.Cli.Commands
{
    /// <summary><c>errorsdk emit python|go TAXONOMY -o DIR [--package NAME] [--templates DIR]</c>: a typed error SDK from Scriban templates.</summary>
    internal static class EmitSdkCommand
    {
        /// <summary>The <c>emit python</c> command.</summary>
        public static Command Python() => Create(
            PythonLanguage.Instance,
            "A typed Python package for grpcio: one exception class per kind (multiple inheritance following parents), " +
            "REASON/CODE/HTTP_STATUS/RETRY, to_status(), abort(context), promote(rpc_error), from_status(), from_problem_details(). " +
            "Writes DIR/PACKAGE/__init__.py and py.typed.");

        /// <summary>The <c>emit go</c> command.</summary>
        public static Command Go() => Create(
            GoLanguage.Instance,
            "A typed Go package for grpc-go: a Reason type, one error type per kind with typed fields, errors.Is over every " +
            "ancestor, GRPCStatus(), FromError/FromStatus, RetryPolicy and RetryAfter. Writes the package's .go files into DIR.");

        private static Command Create(SdkLanguage language, string description)
        {
            var taxonomy = CommonOptions.TaxonomyArgument();
            var output = new Option<string>("--output", "-o") { Description = "The directory to write into (created if missing).", Required = true };
            var package = new Option<string?>("--package") { Description = "The package name (default: from the taxonomy's name)." };
            var templates = new Option<string?>("--templates")
            {
                Description = "A directory whose " + language.Name + "/*.scriban files replace the built-in templates of the same name (see docs/templates.md).",
            };
            var command = new Command(language.Name, description) { taxonomy, output, package, templates };
            command.SetAction(parseResult =>
            {
                var configuration = parseResult.InvocationConfiguration;
                var path = parseResult.GetValue(taxonomy)!;
                var spec = TaxonomyLoader.LoadValid(path, configuration.Error, out int exitCode);
                if (spec is null)
                {
                    return exitCode;
                }

                var name = parseResult.GetValue(package) ?? language.DefaultPackage(spec);
                if (!language.IsValidPackage(name))
                {
                    configuration.Error.WriteLine("errorsdk: '" + name + "' is not a usable " + language.Name + " package name; pass --package.");
                    return ExitCodes.UsageError;
                }

                var templateDirectory = parseResult.GetValue(templates);
                if (templateDirectory is not null && !Directory.Exists(templateDirectory))
                {
                    configuration.Error.WriteLine("errorsdk: the templates directory '" + templateDirectory + "' does not exist.");
                    return ExitCodes.UsageError;
                }

                System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>> files;
                try
                {
                    files = SdkEmitter.Emit(language, SdkModelBuilder.Build(spec, language, name), templateDirectory);
                }
                catch (TemplateException e)
                {
                    configuration.Error.WriteLine(e.Message);
                    configuration.Error.WriteLine("errorsdk: a template has errors; nothing was written.");
                    return ExitCodes.Failure;
                }

                var directory = parseResult.GetValue(output)!;
                foreach (var file in files)
                {
                    int written = CommonOptions.WriteArtifact(parseResult, Path.Combine(directory, file.Key), file.Value);
                    if (written != ExitCodes.Success)
                    {
                        return written;
                    }
                }

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
