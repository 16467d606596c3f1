using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Commands
{
    public sealed class DiffCommandTests
    {
        private static readonly Dictionary<string, Action<JsonObject>> Edits = new Dictionary<string, Action<JsonObject>>
        {
            ["reason-removed"] = t => TaxonomyEdit.Kinds(t).Remove("DATA_LOSS"),
            ["reason-renamed"] = t => TaxonomyEdit.RenameKind(t, "DATA_LOSS", "DATA_CORRUPTED"),
            ["number-changed"] = t => TaxonomyEdit.Kind(t, "DATA_LOSS")["number"] = 19,
            ["code-changed"] = t => TaxonomyEdit.Kind(t, "CONFLICT")["code"] = "FAILED_PRECONDITION",
            ["http-changed"] = t => TaxonomyEdit.Kind(t, "NETWORK_TRANSPORT_REDIRECT_LIMIT")["http"] = 500,
            ["retry-changed"] = t => TaxonomyEdit.Kind(t, "CONFLICT")["retry"] = "transient",
            ["field-removed"] = t => TaxonomyEdit.Kind(t, "TOOL_ERROR")["fields"]!.AsObject().Remove("toolErrorCode"),
            ["field-retyped"] = t => TaxonomyEdit.Kind(t, "UPSTREAM_ERROR")["fields"]!["statusCode"]!["type"] = "string",
            ["required-field-added"] = t => TaxonomyEdit.Kind(t, "NETWORK_TRANSPORT_ERROR")["fields"]!["host"] = new JsonObject { ["type"] = "string" },
            ["domain-changed"] = t => t["domain"] = "errors.example.com",
            ["reserved-number-reused"] = t =>
            {
                t["reserved"]!["numbers"] = new JsonArray();
                TaxonomyEdit.Kinds(t)["LEGACY_QUOTA"] = NewKind(18);
            },
            ["kind-added"] = t => TaxonomyEdit.Kinds(t)["BRAND_NEW"] = NewKind(200),
            ["optional-field-added"] = t => TaxonomyEdit.Kind(t, "NETWORK_TRANSPORT_ERROR")["fields"]!["host"] = new JsonObject { ["type"] = "string", ["optional"] = true },
            ["alias-added"] = t => TaxonomyEdit.Kind(t, "UPSTREAM_SERVER_ERROR")["aliases"] = new JsonArray(new JsonObject { ["reason"] = "UPSTREAM_ERROR", ["code"] = "INTERNAL" }),
            ["description-changed"] = t => TaxonomyEdit.Kind(t, "NOT_FOUND")["description"] = "Nothing by that name.",
            ["message-changed"] = t => TaxonomyEdit.Kind(t, "NOT_FOUND")["message"] = "No {resourceType} is named '{resourceName}'.",
        };

        public static IEnumerable<object[]> Cases() => new[]
        {
            new object[] { "reason-removed", "breaking" },
            new object[] { "reason-renamed", "breaking" },
            new object[] { "number-changed", "breaking" },
            new object[] { "code-changed", "breaking" },
            new object[] { "http-changed", "breaking" },
            new object[] { "retry-changed", "breaking" },
            new object[] { "field-removed", "breaking" },
            new object[] { "field-retyped", "breaking" },
            new object[] { "required-field-added", "breaking" },
            new object[] { "domain-changed", "breaking" },
            new object[] { "reserved-number-reused", "breaking" },
            new object[] { "kind-added", "additive" },
            new object[] { "optional-field-added", "additive" },
            new object[] { "alias-added", "additive" },
            new object[] { "description-changed", "editorial" },
            new object[] { "message-changed", "editorial" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Each_change_is_classified_and_judged_against_the_bump(string rule, string changeClass)
        {
            using var temp = new TempDirectory();
            var edit = Edits[rule];
            string needed = changeClass switch { "breaking" => "major", "additive" => "minor", _ => "patch" };

            foreach (var (version, bump) in new[] { ("1.0.1", "patch"), ("1.1.0", "minor"), ("2.0.0", "major") })
            {
                var next = temp.Write(rule + "-" + version + ".json", TaxonomyEdit.Edited(t =>
                {
                    edit(t);
                    t["version"] = version;
                }));

                var result = CliRunner.Run("diff", Repo.DefaultTaxonomy, next, "--format", "json");

                using var report = JsonDocument.Parse(result.Output);
                Assert.Equal(bump, report.RootElement.GetProperty("bump").GetString());
                var changes = report.RootElement.GetProperty("changes").EnumerateArray().ToList();
                var change = changes.FirstOrDefault(c => c.GetProperty("rule").GetString() == rule);
                Assert.True(change.ValueKind == JsonValueKind.Object, rule + " not reported; got: " + result.Output);
                Assert.Equal(changeClass, change.GetProperty("class").GetString());
                Assert.Equal(needed, change.GetProperty("needs").GetString());
                bool allowed = string.CompareOrdinal(Rank(bump), Rank(needed)) >= 0;
                Assert.Equal(allowed, change.GetProperty("allowed").GetBoolean());

                bool anyBreaking = changes.Any(c => c.GetProperty("class").GetString() == "breaking");
                int expectedExit = anyBreaking && bump != "major" ? ExitCodes.Failure : ExitCodes.Success;
                Assert.True(expectedExit == result.ExitCode, rule + " @ " + version + ": " + result);
            }
        }

        [Fact]
        public void Text_report_prints_each_change_with_class_and_verdict()
        {
            using var temp = new TempDirectory();
            var next = temp.Write("next.json", TaxonomyEdit.Edited(t =>
            {
                t["version"] = "1.1.0";
                TaxonomyEdit.Kind(t, "CONFLICT")["retry"] = "transient";
                TaxonomyEdit.Kinds(t)["BRAND_NEW"] = NewKind(200);
            }));

            var result = CliRunner.Run("diff", Repo.DefaultTaxonomy, next);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            var lines = result.Output.TrimEnd('\n').Split('\n');
            Assert.Equal("ErrorSdk 1.0.0 -> 1.1.0: minor bump.", lines[0]);
            Assert.Contains("breaking  CONFLICT: retry policy changed from never to transient [needs major, NOT allowed]", lines);
            Assert.Contains("additive  BRAND_NEW: new kind (number 200, INTERNAL, never) [needs minor, allowed]", lines);
            Assert.Equal("2 changes: 1 breaking, 1 additive, 0 editorial. Breaking changes need a major version bump.", lines[^1]);
        }

        [Fact]
        public void Identical_taxonomies_have_no_changes()
        {
            var result = CliRunner.Run("diff", Repo.DefaultTaxonomy, Repo.DefaultTaxonomy);

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.EndsWith("No changes.\n", result.Output);
        }

        [Fact]
        public void Strict_mode_also_fails_an_addition_without_a_minor_bump()
        {
            using var temp = new TempDirectory();
            var next = temp.Write("next.json", TaxonomyEdit.Edited(t => TaxonomyEdit.Kinds(t)["BRAND_NEW"] = NewKind(200)));

            Assert.Equal(ExitCodes.Success, CliRunner.Run("diff", Repo.DefaultTaxonomy, next).ExitCode);
            Assert.Equal(ExitCodes.Failure, CliRunner.Run("diff", Repo.DefaultTaxonomy, next, "--strict").ExitCode);
        }

        [Fact]
        public void An_invalid_side_is_reported_not_compared()
        {
            using var temp = new TempDirectory();
            var next = temp.Write("next.json", TaxonomyEdit.Edited(t => TaxonomyEdit.Kind(t, "CONFLICT")["code"] = "OK"));

            var result = CliRunner.Run("diff", Repo.DefaultTaxonomy, next);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains("error ESDK118", result.Error);
            Assert.Equal(string.Empty, result.Output);
        }

        private static JsonObject NewKind(int number) => new JsonObject
        {
            ["number"] = number,
            ["description"] = "A kind added by a test.",
            ["code"] = "INTERNAL",
            ["retry"] = "never",
            ["message"] = "Something new went wrong.",
        };

        private static string Rank(string bump) => bump switch { "major" => "3", "minor" => "2", "patch" => "1", _ => "0" };
    }
}
