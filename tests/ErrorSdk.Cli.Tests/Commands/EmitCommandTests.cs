using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using JsonObject = System.Text.Json.Nodes.JsonObject;
using System.Threading;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Cli.Tests.Commands
{
    public sealed class EmitCommandTests
    {
        private static readonly TaxonomySpec Default =
            TaxonomyReader.Read(Repo.DefaultTaxonomy, File.ReadAllText(Repo.DefaultTaxonomy), CancellationToken.None).Spec!;

        [Fact]
        public void Proto_has_prefixed_values_with_the_taxonomy_numbers_and_reserved_entries()
        {
            var result = CliRunner.Run("emit", "proto", Repo.DefaultTaxonomy);

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var proto = result.Output;
            Assert.Contains("syntax = \"proto3\";\n", proto);
            Assert.Contains("package errorsdk.taxonomy.v1;\n", proto);
            Assert.Contains("enum ErrorSdkReason {\n", proto);
            Assert.Contains("  ERROR_SDK_REASON_UNSPECIFIED = 0;\n", proto);
            foreach (var kind in Default.Kinds)
            {
                var deprecated = kind.Deprecated is null ? string.Empty : " [deprecated = true]";
                Assert.Contains("  ERROR_SDK_REASON_" + kind.Reason + " = " + kind.Number + deprecated + ";\n", proto);
            }

            Assert.Contains("  reserved 18;\n", proto);
            Assert.Contains("  reserved \"ERROR_SDK_REASON_LEGACY_QUOTA_ERROR\";\n", proto);
            Assert.DoesNotContain("\r", proto);
        }

        [Fact]
        public void Proto_folds_consecutive_reserved_numbers_into_ranges()
        {
            Assert.Equal(new[] { "1 to 3", "7", "9 to 10" }, Emitting.ProtoEmitter.Ranges(new[] { 10, 2, 1, 9, 3, 7 }));
        }

        [Theory]
        [InlineData("ErrorSdkReason", "ERROR_SDK_REASON")]
        [InlineData("AcmeReason", "ACME_REASON")]
        [InlineData("HTTPErrorReason", "HTTP_ERROR_REASON")]
        [InlineData("V2ApiReason", "V2_API_REASON")]
        public void Enum_value_prefix_is_the_upper_snake_enum_name(string pascal, string upperSnake)
        {
            Assert.Equal(upperSnake, ErrorSdk.Generator.Conventions.NameCase.PascalToUpperSnake(pascal));
        }

        [Fact]
        public void Every_artifact_is_deterministic_and_independent_of_key_order()
        {
            using var temp = new TempDirectory();
            // Same taxonomy, kinds and top-level properties in reverse order.
            var shuffled = temp.Write("taxonomy.json", TaxonomyEdit.Edited(t =>
            {
                var kinds = TaxonomyEdit.Kinds(t).Reverse().Select(e => (e.Key, e.Value!.DeepClone())).ToList();
                var top = t.Where(e => e.Key != "kinds").Select(e => (e.Key, e.Value!.DeepClone())).Reverse().ToList();
                t.Clear();
                var reversed = new JsonObject();
                foreach (var (key, value) in kinds)
                {
                    reversed[key] = value;
                }

                t["kinds"] = reversed;
                foreach (var (key, value) in top)
                {
                    t[key] = value;
                }
            }));

            foreach (var artifact in new[] { "proto", "catalog", "vectors", "grpc-service-config" })
            {
                var first = CliRunner.Run("emit", artifact, Repo.DefaultTaxonomy);
                var second = CliRunner.Run("emit", artifact, Repo.DefaultTaxonomy);
                var reordered = CliRunner.Run("emit", artifact, shuffled);
                Assert.Equal(ExitCodes.Success, first.ExitCode);
                Assert.Equal(first.Output, second.Output);
                Assert.Equal(first.Output, reordered.Output);
            }
        }

        [Fact]
        public void Catalog_has_an_anchor_and_the_facts_of_every_kind_and_a_mermaid_diagram()
        {
            var catalog = CliRunner.Run("emit", "catalog", Repo.DefaultTaxonomy).Output;

            foreach (var kind in Default.Kinds)
            {
                Assert.Contains("\n<a id=\"" + kind.Reason + "\"></a>\n\n### " + kind.Reason + "\n", catalog);
                Assert.Contains("| gRPC code | `" + kind.CodeName + "` (" + kind.CodeValue + ") |", catalog);
            }

            Assert.Contains("```mermaid\nclassDiagram\n", catalog);
            Assert.Contains("  TOOL_ERROR <|-- TOOL_RATE_LIMIT\n", catalog);
            Assert.Contains("  TOO_MANY_REQUESTS <|.. TOOL_RATE_LIMIT\n", catalog);
            Assert.Contains("  class PROVISION_TERMINAL {\n    <<abstract>>\n  }\n", catalog);
            // Children of a kind are listed in its section.
            var section = catalog.Substring(catalog.IndexOf("### TOOL_ERROR\n", StringComparison.Ordinal));
            section = section.Substring(0, section.IndexOf("\n### ", 1, StringComparison.Ordinal));
            Assert.Contains("| Children | [TOOL_RATE_LIMIT](#TOOL_RATE_LIMIT), [TOOL_UNAUTHORIZED](#TOOL_UNAUTHORIZED), [TOOL_FORBIDDEN](#TOOL_FORBIDDEN), [TOOL_UNAVAILABLE](#TOOL_UNAVAILABLE) |", section);
            Assert.Contains("| `provider` | `string` | yes | no | this kind |", section);
            Assert.Contains("| Message | `The tool's provider ({provider}) returned an error.` |", section);
        }

        [Fact]
        public void Committed_catalog_is_up_to_date()
        {
            var expected = CliRunner.Run("emit", "catalog", Repo.DefaultTaxonomy);
            var committed = Repo.Path("docs", "catalog.md");

            Assert.Equal(ExitCodes.Success, expected.ExitCode);
            Assert.True(File.Exists(committed), "docs/catalog.md is missing. Generate it from the repository root with:\n  " + RegenerateCatalog);
            Assert.True(
                expected.Output == File.ReadAllText(committed),
                "docs/catalog.md is stale: it no longer matches taxonomy/taxonomy.json. Regenerate it from the repository root with:\n  " + RegenerateCatalog);
        }

        [Fact]
        public void Vectors_decode_to_the_values_they_state()
        {
            var result = CliRunner.Run("emit", "vectors", Repo.DefaultTaxonomy);

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            using var document = JsonDocument.Parse(result.Output);
            var root = document.RootElement;
            Assert.Equal("errorsdk.conformance.v1", root.GetProperty("format").GetString());
            var vectors = root.GetProperty("vectors").EnumerateArray().ToList();
            Assert.Equal(Default.Kinds.Where(k => !k.IsAbstract).Select(k => k.Reason), vectors.Select(v => v.GetProperty("reason").GetString()));

            foreach (var vector in vectors)
            {
                var kind = Default.Kinds.Single(k => k.Reason == vector.GetProperty("reason").GetString());
                var metadata = vector.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                var message = vector.GetProperty("message").GetString()!;
                TimeSpan? retryAfter = vector.GetProperty("retryAfter").ValueKind == JsonValueKind.Null
                    ? null
                    : FieldCodec.ParseDuration(vector.GetProperty("retryAfter").GetString());

                Assert.Equal(kind.CodeName, vector.GetProperty("code").GetProperty("name").GetString());
                Assert.Equal(kind.CodeValue, vector.GetProperty("code").GetProperty("value").GetInt32());
                Assert.Equal(kind.HttpStatus, vector.GetProperty("httpStatus").GetInt32());
                Assert.Equal(kind.Retry == RetryKind.Throttled, retryAfter.HasValue);
                Assert.Equal(kind.AllFields.Where(f => !f.Sensitive).Select(f => f.Name), metadata.Keys);

                // The status bytes.
                var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(vector.GetProperty("status").GetString()!));
                AssertStatus(status, kind, message, metadata, retryAfter);

                // The trailers carry the same status, and grpc-message is percent-encoded.
                var trailers = vector.GetProperty("trailers").EnumerateObject().Select(p => new System.Collections.Generic.KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
                Assert.Equal(kind.CodeValue.ToString(), trailers.Single(t => t.Key == "grpc-status").Value);
                Assert.All(trailers.Single(t => t.Key == "grpc-message").Value, c => Assert.InRange(c, ' ', '~'));
                var fromTrailers = GrpcWire.FromTrailers(trailers)!;
                AssertStatus(fromTrailers, kind, message, metadata, retryAfter);
                Assert.Equal(status, fromTrailers);

                // The problem body says the same.
                var problem = vector.GetProperty("problem");
                Assert.Equal("https://errorsdk.dev/errors/" + kind.Reason, problem.GetProperty("type").GetString());
                Assert.Equal(kind.HttpStatus, problem.GetProperty("status").GetInt32());
                Assert.Equal(message, problem.GetProperty("detail").GetString());
                Assert.Equal(kind.Reason, problem.GetProperty("reason").GetString());
                Assert.Equal("errorsdk.dev", problem.GetProperty("domain").GetString());
                Assert.Equal(metadata, problem.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
                Assert.Equal(retryAfter.HasValue, problem.TryGetProperty("retryAfter", out var seconds));
                if (retryAfter is { } delay)
                {
                    Assert.Equal(delay.TotalSeconds, seconds.GetDouble());
                    Assert.Equal("2", vector.GetProperty("httpHeaders").GetProperty("Retry-After").GetString());
                }
            }
        }

        [Fact]
        public void Vectors_fill_every_placeholder_and_keep_literal_percent_and_braces()
        {
            using var document = JsonDocument.Parse(CliRunner.Run("emit", "vectors", Repo.DefaultTaxonomy).Output);
            var notFound = document.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("reason").GetString() == "NOT_FOUND");

            Assert.Equal("The resourceType: 100% ✓ {literal} 'resourceName: 100% ✓ {literal}' was not found.", notFound.GetProperty("message").GetString());
            Assert.Equal(
                "The resourceType: 100%25 %E2%9C%93 {literal} 'resourceName: 100%25 %E2%9C%93 {literal}' was not found.",
                notFound.GetProperty("trailers").GetProperty("grpc-message").GetString());
        }

        [Fact]
        public void Service_config_retries_only_codes_whose_kinds_are_all_transient()
        {
            var result = CliRunner.Run("emit", "grpc-service-config", Repo.DefaultTaxonomy, "--service", "acme.v1.Tools", "--max-attempts", "3");

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            using var config = JsonDocument.Parse(result.Output);
            var method = config.RootElement.GetProperty("methodConfig")[0];
            Assert.Equal("acme.v1.Tools", method.GetProperty("name")[0].GetProperty("service").GetString());
            var policy = method.GetProperty("retryPolicy");
            Assert.Equal(3, policy.GetProperty("maxAttempts").GetInt32());
            Assert.Equal(new[] { "UNAVAILABLE" }, policy.GetProperty("retryableStatusCodes").EnumerateArray().Select(c => c.GetString()));
        }

        [Fact]
        public void Service_config_leaves_out_transient_codes_AIP194_does_not_retry_at_the_call_level()
        {
            using var temp = new TempDirectory();
            var kinds = new[] { "UNAVAILABLE", "CANCELLED", "DEADLINE_EXCEEDED", "DATA_LOSS", "ABORTED", "INTERNAL", "UNKNOWN", "RESOURCE_EXHAUSTED" }
                .Select((code, i) => "\"KIND_" + code + "\": { \"number\": " + (i + 1) + ", \"description\": \"d\", \"code\": \"" + code +
                                     "\", \"retry\": \"transient\", \"message\": \"m\" }");
            var path = temp.Write(
                "taxonomy.json",
                "{ \"name\": \"Aip\", \"namespace\": \"Aip.Errors\", \"domain\": \"aip.example\", \"version\": \"1.0.0\", " +
                "\"proto_package\": \"aip.errors.v1\", \"kinds\": { " + string.Join(", ", kinds) + " } }");
            Assert.Equal(ExitCodes.Success, CliRunner.Run("validate", path).ExitCode);

            var result = CliRunner.Run("emit", "grpc-service-config", path);

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            using var config = JsonDocument.Parse(result.Output);
            var policy = config.RootElement.GetProperty("methodConfig")[0].GetProperty("retryPolicy");
            Assert.Equal(new[] { "UNAVAILABLE" }, policy.GetProperty("retryableStatusCodes").EnumerateArray().Select(c => c.GetString()));
        }

        [Fact]
        public void Service_config_has_no_retry_policy_when_no_code_is_safe()
        {
            using var temp = new TempDirectory();
            // A throttled kind on UNAVAILABLE: the channel cannot honour its delay, so UNAVAILABLE is no longer safe.
            var path = temp.Write("taxonomy.json", TaxonomyEdit.Edited(t => TaxonomyEdit.Kind(t, "UPSTREAM_SERVER_ERROR")["retry"] = "throttled"));

            var result = CliRunner.Run("emit", "grpc-service-config", path);

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            using var config = JsonDocument.Parse(result.Output);
            var method = config.RootElement.GetProperty("methodConfig")[0];
            Assert.Equal(JsonValueKind.Object, method.GetProperty("name")[0].ValueKind);
            Assert.False(method.TryGetProperty("retryPolicy", out _));
        }

        [Fact]
        public void Max_attempts_outside_grpc_limits_is_a_usage_error()
        {
            Assert.Equal(ExitCodes.UsageError, CliRunner.Run("emit", "grpc-service-config", Repo.DefaultTaxonomy, "--max-attempts", "9").ExitCode);
        }

        [Fact]
        public void Output_option_writes_the_file()
        {
            using var temp = new TempDirectory();
            var path = temp.Path("out/reasons.proto");

            var result = CliRunner.Run("emit", "proto", Repo.DefaultTaxonomy, "-o", path);

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Equal("Wrote " + path + ".\n", result.Output);
            Assert.Equal(CliRunner.Run("emit", "proto", Repo.DefaultTaxonomy).Output, File.ReadAllText(path));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        }

        [Fact]
        public void Emitting_from_an_invalid_taxonomy_prints_its_diagnostics_and_fails()
        {
            var path = Repo.Path("tests", "schema", "invalid", "code-ok.json");

            var result = CliRunner.Run("emit", "vectors", path);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Equal(string.Empty, result.Output);
            Assert.Contains("error ESDK118", result.Error);
        }

        internal const string RegenerateCatalog = "dotnet run --project tools/ErrorSdk.Cli -- emit catalog taxonomy/taxonomy.json -o docs/catalog.md";

        private static void AssertStatus(Google.Rpc.Status status, KindSpec kind, string message, System.Collections.Generic.Dictionary<string, string> metadata, TimeSpan? retryAfter)
        {
            Assert.Equal(kind.CodeValue, status.Code);
            Assert.Equal(message, status.Message);
            var received = ReceivedError.Read(status, "errorsdk.dev");
            Assert.Empty(received.Problems);
            Assert.Equal(kind.Reason, received.Reason);
            Assert.True(received.IsTaxonomyDomain);
            Assert.Equal(metadata, received.Metadata.ToDictionary(e => e.Key, e => e.Value));
            Assert.Equal(retryAfter, received.RetryAfter);
            Assert.Null(received.DebugDetail);
        }
    }
}
