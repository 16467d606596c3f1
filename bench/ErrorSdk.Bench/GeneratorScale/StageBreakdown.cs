using System;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorSdk.Bench.GeneratorScale
{
    /// <summary>
    /// Where a full run's time goes: the generator's reader (JSON parse + validation into the spec), its emitter, and
    /// Roslyn parsing the emitted files into syntax trees (which the driver does for every added source). The
    /// generator's stages are internal, so they are reached by reflection; this is a diagnostic, not an API.
    /// </summary>
    internal static class StageBreakdown
    {
        public static string Measure(string taxonomy)
        {
            var assembly = typeof(ErrorSdk.Generator.TaxonomyGenerator).Assembly;
            var read = assembly.GetType("ErrorSdk.Generator.Parsing.TaxonomyReader", throwOnError: true)!.GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!;
            var emit = assembly.GetType("ErrorSdk.Generator.Emitting.TaxonomyEmitter", throwOnError: true)!.GetMethod("Emit", BindingFlags.Public | BindingFlags.Static)!;

            long cpu = Reporting.CpuTimeRunner.Now();
            var parsed = read.Invoke(null, new object[] { "/consumer/taxonomy.json", taxonomy, CancellationToken.None })!;
            var readMs = (Reporting.CpuTimeRunner.Now() - cpu) / 1e6;
            var spec = parsed.GetType().GetProperty("Spec")!.GetValue(parsed) ?? throw new InvalidOperationException("The taxonomy did not produce a spec.");

            cpu = Reporting.CpuTimeRunner.Now();
            var files = (IEnumerable)emit.Invoke(null, new[] { spec })!;
            var emitMs = (Reporting.CpuTimeRunner.Now() - cpu) / 1e6;

            var sizes = new StringBuilder();
            cpu = Reporting.CpuTimeRunner.Now();
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
            foreach (var file in files)
            {
                var source = (string)file.GetType().GetProperty("Source")!.GetValue(file)!;
                var hint = (string)file.GetType().GetProperty("HintName")!.GetValue(file)!;
                sizes.Append(sizes.Length == 0 ? string.Empty : ", ").Append(hint).Append(' ').Append((source.Length / 1024).ToString("N0", CultureInfo.InvariantCulture)).Append(" KB");
                CSharpSyntaxTree.ParseText(source, parseOptions).GetRoot();
            }

            var roslynMs = (Reporting.CpuTimeRunner.Now() - cpu) / 1e6;
            return string.Format(
                CultureInfo.InvariantCulture,
                "thread CPU: read+validate {0:F1} ms, emit {1:F1} ms; Roslyn parsing the emitted files (which the compiler does next) {2:F1} ms; files: {3}",
                readMs, emitMs, roslynMs, sizes);
        }
    }
}
