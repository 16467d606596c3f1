using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Cli.Loading
{
    /// <summary>
    /// Presents diagnostics the way compilers and MSBuild do (<c>path(line,col): error ESDKnnn: message</c>, one-based
    /// positions), or as JSON for tooling. Ids and messages come from the generator's catalog, so they are the same
    /// in the IDE, in the build and here.
    /// </summary>
    internal static class DiagnosticFormatter
    {
        /// <summary>One diagnostic as a line.</summary>
        public static string FormatLine(string path, DiagnosticInfo diagnostic)
        {
            var definition = DiagnosticCatalog.Get(diagnostic.Id);
            var location = diagnostic.Span is { } span
                ? (string.IsNullOrEmpty(span.Path) ? path : span.Path) + "(" + (span.StartLine + 1).ToString(CultureInfo.InvariantCulture) + "," +
                  (span.StartColumn + 1).ToString(CultureInfo.InvariantCulture) + ")"
                : path;
            return location + ": " + SeverityName(definition.Severity) + " " + diagnostic.Id + ": " + DiagnosticCatalog.FormatMessage(diagnostic);
        }

        /// <summary>Every diagnostic, one per line, then a summary line.</summary>
        public static void WriteText(LoadedTaxonomy loaded, TextWriter writer)
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                writer.WriteLine(FormatLine(loaded.Path, diagnostic));
            }
        }

        /// <summary>The summary line of <c>validate</c>.</summary>
        public static string Summary(LoadedTaxonomy loaded)
        {
            int errors = Count(loaded, TaxonomySeverity.Error);
            int warnings = Count(loaded, TaxonomySeverity.Warning);
            var counts = Plural(errors, "error") + ", " + Plural(warnings, "warning");
            return loaded.Spec is { } spec && !loaded.HasErrors
                ? loaded.Path + ": valid, " + counts + " (" + spec.Name + " " + spec.Version + ", " + Plural(spec.Kinds.Count, "kind") + ")."
                : loaded.Path + ": " + counts + ".";
        }

        /// <summary>The JSON report of <c>validate --format json</c>.</summary>
        public static string ToJson(LoadedTaxonomy loaded)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("path", loaded.Path);
                json.WriteBoolean("valid", !loaded.HasErrors);
                json.WriteNumber("errors", Count(loaded, TaxonomySeverity.Error));
                json.WriteNumber("warnings", Count(loaded, TaxonomySeverity.Warning));
                if (loaded.Spec is { } spec && !loaded.HasErrors)
                {
                    json.WriteStartObject("taxonomy");
                    json.WriteString("name", spec.Name);
                    json.WriteString("version", spec.Version);
                    json.WriteString("domain", spec.Domain);
                    json.WriteNumber("kinds", spec.Kinds.Count);
                    json.WriteEndObject();
                }

                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    var definition = DiagnosticCatalog.Get(diagnostic.Id);
                    json.WriteStartObject();
                    json.WriteString("id", diagnostic.Id);
                    json.WriteString("severity", SeverityName(definition.Severity));
                    json.WriteString("title", definition.Title);
                    json.WriteString("message", DiagnosticCatalog.FormatMessage(diagnostic));
                    json.WriteString("path", diagnostic.Span is { Path.Length: > 0 } s ? s.Path : loaded.Path);
                    if (diagnostic.Span is { } span)
                    {
                        json.WriteNumber("line", span.StartLine + 1);
                        json.WriteNumber("column", span.StartColumn + 1);
                        json.WriteNumber("endLine", span.EndLine + 1);
                        json.WriteNumber("endColumn", span.EndColumn + 1);
                    }

                    json.WriteString("helpLink", definition.HelpLink);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static int Count(LoadedTaxonomy loaded, TaxonomySeverity severity) =>
            loaded.Diagnostics.Count(d => DiagnosticCatalog.Get(d.Id).Severity == severity);

        private static string SeverityName(TaxonomySeverity severity) => severity switch
        {
            TaxonomySeverity.Error => "error",
            TaxonomySeverity.Warning => "warning",
            _ => "info",
        };

        private static string Plural(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
