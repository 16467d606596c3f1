using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ErrorSdk.Bench.Retry
{
    /// <summary>Prints the results as a Markdown table and writes them as JSON.</summary>
    internal static class ResultTable
    {
        public static void Print(TextWriter output, IReadOnlyList<ScenarioResult> results)
        {
            output.WriteLine("| scenario | client | requests | wall ms | retries after a named moment | of them early | outcome |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---|");
            foreach (var r in results)
            {
                output.WriteLine("| " + r.Scenario + " | " + r.Client + " | " + N(r.Requests) + " | " + N(r.WallMilliseconds) + " | " +
                                 N(r.ServerNamedRetries) + " | " + Early(r.EarlyRetries, r.MostEarlyMilliseconds) + " | " + r.Outcome + " |");
            }

            output.WriteLine();
            output.WriteLine("| client | requests in all | wall ms in all | retries after a named moment | of them early |");
            output.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var client in results.Select(r => r.Client).Distinct())
            {
                var mine = results.Where(r => r.Client == client).ToList();
                output.WriteLine("| " + client + " | " + N(mine.Sum(r => r.Requests)) + " | " + N(mine.Sum(r => r.WallMilliseconds)) + " | " +
                                 N(mine.Sum(r => r.ServerNamedRetries)) + " | " +
                                 Early(mine.Sum(r => r.EarlyRetries), mine.Count == 0 ? 0 : mine.Max(r => r.MostEarlyMilliseconds)) + " |");
            }
        }

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Early(int count, double mostEarlyMs) =>
            count == 0 ? "0" : N(count) + " (up to " + mostEarlyMs.ToString("0.0", CultureInfo.InvariantCulture) + " ms early)";

        /// <summary>Writes <c>{"scenarios":[{"name","client","requests","wall_ms","outcome","retries_after_named_moment","early_retries","most_early_ms"}]}</c>.</summary>
        public static void WriteJson(string path, IReadOnlyList<ScenarioResult> results)
        {
            using var stream = File.Create(path);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("scenarios");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("name", r.Scenario);
                json.WriteString("client", r.Client);
                json.WriteNumber("requests", r.Requests);
                json.WriteNumber("wall_ms", r.WallMilliseconds);
                json.WriteString("outcome", r.Outcome);
                json.WriteNumber("retries_after_named_moment", r.ServerNamedRetries);
                json.WriteNumber("early_retries", r.EarlyRetries);
                json.WriteNumber("most_early_ms", Math.Round(r.MostEarlyMilliseconds, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
