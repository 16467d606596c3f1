using System;
using System.Linq;
using System.Threading;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using Xunit;

namespace ErrorSdk.Generator.Tests
{
    /// <summary>
    /// Taxonomy texts for tests, and assertions on diagnostics. Positions in assertions are 1-based lines and columns, as
    /// an editor shows them (SourceSpan itself is zero-based like Roslyn's LinePosition).
    /// </summary>
    internal static class TestTaxonomies
    {
        public const string TaxonomyPath = "taxonomy.json";

        public const string Header = """
            {
              "name": "Acme",
              "namespace": "Acme.Errors",
              "domain": "errors.acme.dev",
              "version": "1.0.0",
              "proto_package": "acme.errors.v1",
            """;

        public const string MinimalKind = """
                "NOT_FOUND": { "number": 1, "description": "Not found.", "code": "NOT_FOUND", "retry": "never", "message": "Not found." }
            """;

        /// <summary>The smallest valid taxonomy: one root kind.</summary>
        public static string Minimal => WithKinds(MinimalKind);

        /// <summary>The standard header, then <c>"kinds": { kinds }</c>.</summary>
        public static string WithKinds(string kinds) => Header + "\n  \"kinds\": {\n" + kinds + "\n  }\n}\n";

        /// <summary>The header with <paramref name="top"/> properties inserted before "kinds", then one valid kind.</summary>
        public static string WithTop(string top) => Header + "\n" + top + ",\n  \"kinds\": {\n" + MinimalKind + "\n  }\n}\n";

        /// <summary>A root kind line with the required properties, plus <paramref name="extra"/> (a JSON member list or empty).</summary>
        public static string Root(string reason, int number, string code = "FAILED_PRECONDITION", string retry = "never", string message = "Failed.", string extra = "") =>
            "    \"" + reason + "\": { \"number\": " + number + ", \"description\": \"D.\", \"code\": \"" + code + "\", \"retry\": \"" + retry
            + "\", \"message\": \"" + message + "\"" + (extra.Length > 0 ? ", " + extra : string.Empty) + " }";

        /// <summary>A child kind line: number, description, parents, plus <paramref name="extra"/>.</summary>
        public static string Child(string reason, int number, string parents, string extra = "") =>
            "    \"" + reason + "\": { \"number\": " + number + ", \"description\": \"D.\", \"parents\": [" + parents + "]"
            + (extra.Length > 0 ? ", " + extra : string.Empty) + " }";

        public static string Kinds(params string[] kinds) => WithKinds(string.Join(",\n", kinds));

        /// <summary>A representative taxonomy: multiple inheritance, inherited values, fields, aliases, fallbacks, matches.</summary>
        public const string Sample = """
            {
              "$schema": "../taxonomy.schema.json",
              "name": "Acme",
              "namespace": "Acme.Errors",
              "domain": "errors.acme.dev",
              "version": "1.2.0-beta.1",
              "proto_package": "acme.errors.v1",
              "reserved": { "numbers": [7], "reasons": ["OLD_REASON"] },
              "kinds": {
                "UPSTREAM_ERROR": {
                  "number": 20,
                  "description": "An upstream HTTP request failed.",
                  "code": "UNAVAILABLE",
                  "retry": "transient",
                  "message": "Upstream HTTP request failed ({statusPhrase}, {statusClass} error).",
                  "fields": {
                    "statusPhrase": { "type": "string" },
                    "statusCode": { "type": "int" },
                    "statusClass": { "type": "string" },
                    "endpoint": { "type": "uri", "optional": true },
                    "rawBody": { "type": "string", "sensitive": true, "optional": true }
                  },
                  "fallback_for": ["UNAVAILABLE"],
                  "match": { "http_status": ["5xx"] }
                },
                "TOO_MANY_REQUESTS": {
                  "number": 3,
                  "description": "The caller sent too many requests.",
                  "code": "RESOURCE_EXHAUSTED",
                  "retry": "throttled",
                  "message": "Too many requests.",
                  "fields": { "limit": { "type": "int", "optional": true, "description": "Requests allowed per window." } },
                  "fallback_for": ["RESOURCE_EXHAUSTED"],
                  "match": { "http_status": [429] }
                },
                "TOOL_ERROR": {
                  "number": 10,
                  "abstract": true,
                  "description": "The tool's provider returned an error.",
                  "code": "UNKNOWN",
                  "retry": "never",
                  "message": "The tool {tool} failed.",
                  "fields": { "tool": { "type": "string", "description": "Tool slug." } }
                },
                "TOOL_RATE_LIMIT": {
                  "number": 11,
                  "parents": ["TOOL_ERROR", "TOO_MANY_REQUESTS"],
                  "description": "The tool's provider rate-limited the call.",
                  "code": "RESOURCE_EXHAUSTED",
                  "retry": "throttled",
                  "message": "The provider of {tool} rate-limited the request ({{limit}}: {limit}).",
                  "aliases": [ { "reason": "TOOL_ERROR", "code": "RESOURCE_EXHAUSTED" } ],
                  "fields": {
                    "provider": { "type": "string", "description": "Provider slug." },
                    "limit": { "type": "int", "optional": true }
                  }
                },
                "TOOL_QUOTA_EXCEEDED": {
                  "number": 14,
                  "parents": ["TOOL_RATE_LIMIT"],
                  "description": "The tool's provider quota is spent.",
                  "fields": { "quota": { "type": "string" } }
                },
                "TOOL_TIMEOUT": {
                  "number": 12,
                  "parents": ["TOOL_ERROR"],
                  "description": "The tool's provider did not answer in time.",
                  "code": "DEADLINE_EXCEEDED",
                  "retry": "transient",
                  "fields": { "elapsed": { "type": "duration" } },
                  "match": { "transport": ["timeout", "unreachable"] }
                },
                "PROVIDER_AUTH_FAILED": {
                  "number": 13,
                  "parents": ["TOOL_ERROR"],
                  "description": "The provider rejected the tool's credentials.",
                  "code": "UNAUTHENTICATED",
                  "deprecated": "Use TOOL_ERROR."
                },
                "UPSTREAM_BAD_GATEWAY": {
                  "number": 21,
                  "parents": ["UPSTREAM_ERROR"],
                  "description": "The upstream gateway failed.",
                  "http": 502,
                  "match": { "http_status": [502] }
                }
              }
            }
            """;

        public static TaxonomyParseResult Read(string text) => TaxonomyReader.Read(TaxonomyPath, text, CancellationToken.None);

        /// <summary>1-based (line, column) of the <paramref name="occurrence"/>-th <paramref name="snippet"/> in the text, plus <paramref name="offset"/> characters.</summary>
        public static (int Line, int Column) PositionOf(string text, string snippet, int occurrence = 0, int offset = 0)
        {
            int index = -1;
            for (int i = 0; i <= occurrence; i++)
            {
                index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
                Assert.True(index >= 0, "snippet not found: " + snippet);
            }

            index += offset;
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }

        /// <summary>Asserts the text yields no spec and exactly one diagnostic, <paramref name="id"/>, at the snippet; returns its message.</summary>
        public static string AssertOnly(string text, string id, string snippet, int occurrence = 0, int offset = 0)
        {
            var result = Read(text);
            Assert.Null(result.Spec);
            var diagnostic = Assert.Single(result.Diagnostics, d => true);
            Assert.True(diagnostic.Id == id, "expected " + id + " but got " + Describe(result));
            AssertAt(text, diagnostic, snippet, occurrence, offset);
            return DiagnosticCatalog.FormatMessage(diagnostic);
        }

        /// <summary>Asserts no spec and exactly one diagnostic <paramref name="id"/> (others may exist), at the snippet; returns its message.</summary>
        public static string AssertOne(string text, string id, string snippet, int occurrence = 0, int offset = 0)
        {
            var result = Read(text);
            Assert.Null(result.Spec);
            var matching = result.Diagnostics.Where(d => d.Id == id).ToList();
            Assert.True(matching.Count == 1, "expected one " + id + " but got " + Describe(result));
            AssertAt(text, matching[0], snippet, occurrence, offset);
            return DiagnosticCatalog.FormatMessage(matching[0]);
        }

        public static void AssertAt(string text, DiagnosticInfo diagnostic, string snippet, int occurrence = 0, int offset = 0)
        {
            var (line, column) = PositionOf(text, snippet, occurrence, offset);
            Assert.NotNull(diagnostic.Span);
            Assert.Equal((line, column), (diagnostic.Span!.StartLine + 1, diagnostic.Span.StartColumn + 1));
            Assert.Equal(TaxonomyPath, diagnostic.Span.Path);
        }

        public static TaxonomySpec AssertValid(string text)
        {
            var result = Read(text);
            Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics: " + Describe(result));
            Assert.NotNull(result.Spec);
            return result.Spec!;
        }

        public static string Describe(TaxonomyParseResult result) =>
            result.Diagnostics.Count == 0
                ? "no diagnostics"
                : string.Join(" | ", result.Diagnostics.Select(d => d.Id + "@" + (d.Span == null ? "?" : (d.Span.StartLine + 1) + ":" + (d.Span.StartColumn + 1)) + " " + DiagnosticCatalog.FormatMessage(d)));
    }
}
