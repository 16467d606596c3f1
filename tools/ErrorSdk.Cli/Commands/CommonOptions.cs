using System;
using System.CommandLine;
using System.IO;
using System.Text;

namespace ErrorSdk.Cli.Commands
{
    /// <summary>Arguments, options and output handling the commands share.</summary>
    internal static class CommonOptions
    {
        /// <summary>UTF-8 without a byte order mark: what protoc, Markdown renderers and JSON readers expect.</summary>
        public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static Argument<string> TaxonomyArgument(string name = "TAXONOMY", string description = "Path of the taxonomy.json file.") =>
            new Argument<string>(name) { Description = description };

        public static Option<string> FormatOption() =>
            new Option<string>("--format", "-f")
            {
                Description = "Output format: text (one line per item) or json (for tooling).",
                DefaultValueFactory = _ => "text",
            }.AcceptOnlyFromAmong("text", "json");

        public static Option<string?> OutputOption() =>
            new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };

        /// <summary>Writes an artifact to <paramref name="path"/>, or to standard output when it is null.</summary>
        public static int WriteArtifact(ParseResult parseResult, string? path, string content)
        {
            var configuration = parseResult.InvocationConfiguration;
            if (string.IsNullOrEmpty(path))
            {
                configuration.Output.Write(content);
                return ExitCodes.Success;
            }

            try
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                File.WriteAllText(path, content, Utf8);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                configuration.Error.WriteLine("errorsdk: cannot write '" + path + "': " + e.Message);
                return ExitCodes.UsageError;
            }

            configuration.Output.WriteLine("Wrote " + path + ".");
            return ExitCodes.Success;
        }
    }
}
