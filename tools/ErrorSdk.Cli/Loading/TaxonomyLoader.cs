using System;
using System.IO;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;

namespace ErrorSdk.Cli.Loading
{
    /// <summary>A taxonomy file read through the generator's own reader: its spec when valid, and every diagnostic.</summary>
    internal sealed class LoadedTaxonomy
    {
        public LoadedTaxonomy(string path, TaxonomySpec? spec, EquatableArray<DiagnosticInfo> diagnostics)
        {
            Path = path;
            Spec = spec;
            Diagnostics = diagnostics;
        }

        /// <summary>The path as the user wrote it; diagnostics name the file this way.</summary>
        public string Path { get; }

        /// <summary>The validated taxonomy, or null when it has errors.</summary>
        public TaxonomySpec? Spec { get; }

        /// <summary>Every diagnostic, in file order.</summary>
        public EquatableArray<DiagnosticInfo> Diagnostics { get; }

        /// <summary>Whether any diagnostic is an error.</summary>
        public bool HasErrors => Spec is null || Diagnostics.Any(d => DiagnosticCatalog.Get(d.Id).Severity == TaxonomySeverity.Error);
    }

    /// <summary>Reads taxonomy files for the commands.</summary>
    internal static class TaxonomyLoader
    {
        /// <summary>Reads and validates <paramref name="path"/>; null (after writing why to <paramref name="error"/>) when the file cannot be read.</summary>
        public static LoadedTaxonomy? Load(string path, TextWriter error)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                error.WriteLine("errorsdk: cannot read '" + path + "': " + e.Message);
                return null;
            }

            return Parse(path, text);
        }

        /// <summary>Validates taxonomy text as if it were read from <paramref name="path"/>.</summary>
        public static LoadedTaxonomy Parse(string path, string text)
        {
            var result = TaxonomyReader.Read(path, text, CancellationToken.None);
            return new LoadedTaxonomy(path, result.Spec, result.Diagnostics);
        }

        /// <summary>
        /// Loads a taxonomy that a command needs valid: on errors, writes the diagnostics to <paramref name="error"/>
        /// and sets <paramref name="exitCode"/>.
        /// </summary>
        public static TaxonomySpec? LoadValid(string path, TextWriter error, out int exitCode)
        {
            var loaded = Load(path, error);
            if (loaded is null)
            {
                exitCode = ExitCodes.UsageError;
                return null;
            }

            if (loaded.HasErrors || loaded.Spec is null)
            {
                DiagnosticFormatter.WriteText(loaded, error);
                error.WriteLine("errorsdk: '" + path + "' has errors; fix them first ('errorsdk validate " + path + "').");
                exitCode = ExitCodes.Failure;
                return null;
            }

            exitCode = ExitCodes.Success;
            return loaded.Spec;
        }
    }
}
