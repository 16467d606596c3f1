using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErrorSdk.Cli.Loading;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Generator.Diagnostics;
using Xunit;

namespace ErrorSdk.Cli.Tests.Schema
{
    /// <summary>
    /// The JSON Schema and the generator's validator agree: whatever the schema rejects, ours rejects; whatever ours
    /// accepts, the schema accepts. Ours may reject more, but only by the semantic rules docs/diagnostics.md lists
    /// in its closing section.
    /// </summary>
    public sealed class SchemaParityTests : IClassFixture<AjvValidator>
    {
        private readonly AjvValidator _ajv;

        public SchemaParityTests(AjvValidator ajv) => _ajv = ajv;

        /// <summary>Schema-valid taxonomies that only the semantic rules reject: (name, edit of the default taxonomy).</summary>
        private static readonly (string Name, Func<string> Text)[] SemanticCases =
        {
            ("duplicate-number", Edit(t => TaxonomyEdit.Kind(t, "TOOL_ERROR")["number"] = 1)),
            ("reserved-number", Edit(t => TaxonomyEdit.Kind(t, "TOOL_ERROR")["number"] = 18)),
            ("reserved-reason", Edit(t => TaxonomyEdit.RenameKind(t, "CONFLICT", "LEGACY_QUOTA_ERROR"))),
            ("unknown-parent", Edit(t => TaxonomyEdit.Kind(t, "QUOTA_EXCEEDED")["parents"] = new JsonArray("NO_SUCH_KIND"))),
            ("self-parent", Edit(t => TaxonomyEdit.Kind(t, "QUOTA_EXCEEDED")["parents"] = new JsonArray("QUOTA_EXCEEDED"))),
            ("inheritance-cycle", Edit(t => TaxonomyEdit.Kind(t, "TOOL_ERROR")["parents"] = new JsonArray("TOOL_RATE_LIMIT"))),
            ("never-with-unavailable", Edit(t => TaxonomyEdit.Kind(t, "SERVICE_UNAVAILABLE")["retry"] = "never")),
            ("throttled-with-client-code", Edit(t => TaxonomyEdit.Kind(t, "TOO_MANY_REQUESTS")["code"] = "INVALID_ARGUMENT")),
            ("duplicate-fallback", Edit(t => TaxonomyEdit.Kind(t, "DATA_LOSS")["fallback_for"] = new JsonArray("DATA_LOSS", "INTERNAL"))),
            ("duplicate-alias", Edit(t => TaxonomyEdit.Kind(t, "TOOL_FORBIDDEN")["aliases"]!.AsArray().Add(new JsonObject { ["reason"] = "TOOL_ERROR", ["code"] = "RESOURCE_EXHAUSTED" }))),
            ("ambiguous-http-match", Edit(t => TaxonomyEdit.Kind(t, "UPSTREAM_NOT_FOUND")["match"] = new JsonObject { ["http_status"] = new JsonArray(404, 408) })),
            ("ambiguous-transport-match", Edit(t => TaxonomyEdit.Kind(t, "NETWORK_TRANSPORT_UNREACHABLE")["match"] = new JsonObject { ["transport"] = new JsonArray("unreachable", "timeout") })),
            ("unknown-placeholder", Edit(t => TaxonomyEdit.Kind(t, "NOT_FOUND")["message"] = "The {resourceKind} was not found.")),
            ("sensitive-placeholder", Edit(t => TaxonomyEdit.Kind(t, "UPSTREAM_ERROR")["message"] = "Upstream failed: {rawBody}")),
            ("field-hides-inherited", Edit(t => TaxonomyEdit.Kind(t, "TOOL_RATE_LIMIT")["fields"] = new JsonObject { ["provider"] = new JsonObject { ["type"] = "string" } })),
            ("diamond-field", Edit(t => TaxonomyEdit.Kind(t, "TOO_MANY_REQUESTS")["fields"] = new JsonObject { ["limit"] = new JsonObject { ["type"] = "int" } })),
            ("duplicate-key", () => File.ReadAllText(Repo.DefaultTaxonomy).Replace("\"number\": 1,", "\"number\": 1, \"number\": 1,")),
            ("fractional-number", () => File.ReadAllText(Repo.DefaultTaxonomy).Replace("\"number\": 1,", "\"number\": 1.0,")),
        };

        [Fact]
        public void Schema_and_validator_agree_on_the_corpus_and_the_default_taxonomy()
        {
            var valid = Directory.GetFiles(Repo.Path("tests", "schema", "valid"), "*.json").Append(Repo.DefaultTaxonomy).OrderBy(f => f).ToList();
            var invalid = Directory.GetFiles(Repo.Path("tests", "schema", "invalid"), "*.json").OrderBy(f => f).ToList();
            Assert.True(valid.Count >= 5 && invalid.Count >= 50, "the corpus is missing");

            var schema = _ajv.Validate(Repo.Schema, valid.Concat(invalid).ToList());
            var problems = new List<string>();
            foreach (var file in valid.Concat(invalid))
            {
                var (schemaValid, schemaErrors) = schema[file];
                var ours = TaxonomyLoader.Load(file, TextWriter.Null)!;
                bool oursValid = !ours.HasErrors;
                var name = Path.GetRelativePath(Repo.Root, file);
                if (!schemaValid && oursValid)
                {
                    problems.Add(name + ": the schema rejects it (" + string.Join("; ", schemaErrors) + ") but the validator accepts it");
                }

                bool expected = valid.Contains(file);
                if (schemaValid != expected)
                {
                    problems.Add(name + ": the schema " + (schemaValid ? "accepts" : "rejects (" + string.Join("; ", schemaErrors) + ")") + " a file the corpus says is " + (expected ? "valid" : "invalid"));
                }

                if (oursValid != expected)
                {
                    problems.Add(name + ": the validator " + (oursValid ? "accepts" : "rejects (" + Ids(ours) + ")") + " a file the corpus says is " + (expected ? "valid" : "invalid"));
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void What_only_the_validator_rejects_is_a_documented_semantic_rule()
        {
            var documented = DocumentedSemanticIds();
            using var temp = new TempDirectory();
            var files = SemanticCases.Select(c => temp.Write(c.Name + ".json", c.Text())).ToList();

            var schema = _ajv.Validate(Repo.Schema, files);
            var problems = new List<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var ours = TaxonomyLoader.Load(file, TextWriter.Null)!;
                if (!schema[file].Valid)
                {
                    problems.Add(name + ": expected a schema-valid file, the schema says " + string.Join("; ", schema[file].Errors));
                }

                if (!ours.HasErrors)
                {
                    problems.Add(name + ": the validator accepts it");
                }

                foreach (var id in ours.Diagnostics.Select(d => d.Id).Distinct())
                {
                    if (!documented.Contains(id))
                    {
                        problems.Add(name + ": " + id + " rejects a schema-valid file but is not listed under 'Rules the JSON Schema cannot express' in docs/diagnostics.md");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>The ids named in docs/diagnostics.md's section on rules the schema cannot express (ranges expanded).</summary>
        private static HashSet<string> DocumentedSemanticIds()
        {
            var text = File.ReadAllText(Repo.Path("docs", "diagnostics.md"));
            int start = text.IndexOf("## Rules the JSON Schema cannot express", StringComparison.Ordinal);
            Assert.True(start >= 0, "docs/diagnostics.md has no section 'Rules the JSON Schema cannot express'");
            int end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
            var section = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in Regex.Matches(section, @"ESDK(\d{3})(?:-(?:ESDK)?(\d{3}))?"))
            {
                int first = int.Parse(match.Groups[1].Value);
                int last = match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : first;
                for (int n = first; n <= last; n++)
                {
                    ids.Add("ESDK" + n.ToString("D3"));
                }
            }

            return ids;
        }

        private static string Ids(LoadedTaxonomy loaded) =>
            string.Join(", ", loaded.Diagnostics.Select(d => d.Id + " " + DiagnosticCatalog.FormatMessage(d)));

        private static Func<string> Edit(Action<JsonObject> edit) => () => TaxonomyEdit.Edited(edit);
    }
}
