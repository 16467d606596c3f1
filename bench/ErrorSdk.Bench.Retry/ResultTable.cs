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
            output.WriteLine("| scenario | client | requests | wall ms | outcome |");
            output.WriteLine("|---|---|---:|---:|---|");
            foreach (var r in results)
            {
                output.WriteLine("| " + r.Scenario + " | " + r.Client + " | " + r.Requests.ToString(CultureInfo.InvariantCulture) + " | " +
                                 r.WallMilliseconds.ToString(CultureInfo.InvariantCulture) + " | " + r.Outcome + " |");
            }

            output.WriteLine();
            foreach (var client in results.Select(r => r.Client).Distinct())
            {
                var mine = results.Where(r => r.Client == client).ToList();
                output.WriteLine(client + ": " + mine.Sum(r => r.Requests).ToString(CultureInfo.InvariantCulture) + " requests, " +
                                 mine.Sum(r => r.WallMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms in all");
            }
        }

        /// <summary>Writes <c>{"scenarios":[{"name","client","requests","wall_ms","outcome"}]}</c>.</summary>
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
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
