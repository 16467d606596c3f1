using System;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
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

            var stopwatch = Stopwatch.StartNew();
            var parsed = read.Invoke(null, new object[] { "/consumer/taxonomy.json", taxonomy, CancellationToken.None })!;
            var readMs = stopwatch.Elapsed.TotalMilliseconds;
            var spec = parsed.GetType().GetProperty("Spec")!.GetValue(parsed) ?? throw new InvalidOperationException("The taxonomy did not produce a spec.");

            stopwatch.Restart();
            var files = (IEnumerable)emit.Invoke(null, new[] { spec })!;
            var emitMs = stopwatch.Elapsed.TotalMilliseconds;

            stopwatch.Restart();
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
            foreach (var file in files)
            {
                var source = (string)file.GetType().GetProperty("Source")!.GetValue(file)!;
                CSharpSyntaxTree.ParseText(source, parseOptions).GetRoot();
            }

            var roslynMs = stopwatch.Elapsed.TotalMilliseconds;
            return string.Format(CultureInfo.InvariantCulture, "read+validate {0:F1} ms, emit {1:F1} ms, Roslyn parse of the output {2:F1} ms", readMs, emitMs, roslynMs);
        }
    }
}
