using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ErrorSdk.Bench.GeneratorScale
{
    /// <summary>
    /// Writes a random valid taxonomy of a given size, the same for a given seed. The shape follows the default
    /// taxonomy: root categories with fields, children that override code and retry or inherit them, chains up to
    /// three parents deep (a leaf has a parent, a grandparent and a great-grandparent), field-less marker kinds used
    /// as secondary parents, abstract categories, aliases, fallbacks, deprecated kinds and every field type.
    /// Codes obey the classification rules: a <c>never</c> kind is not UNAVAILABLE, a <c>transient</c> or
    /// <c>throttled</c> kind carries no client-error code.
    /// </summary>
    internal static class RandomTaxonomy
    {
        private const int MaxDepth = 4;

        private static readonly string[] Words =
        {
            "ACCOUNT", "BILLING", "CACHE", "DATABASE", "EXPORT", "FEED", "GATEWAY", "HOOK", "INDEX", "JOB", "KEY", "LEDGER",
            "MAILBOX", "NODE", "ORDER", "PAYMENT", "QUEUE", "REPLICA", "SCHEMA", "TENANT", "UPLOAD", "VAULT", "WORKER", "ZONE",
        };

        private static readonly string[] Problems =
        {
            "REJECTED", "EXPIRED", "LOCKED", "MISSING", "STALE", "THROTTLED", "TIMEOUT", "UNREACHABLE", "CORRUPT", "DENIED",
        };

        private static readonly (string Name, string Type)[] FieldPool =
        {
            ("resourceName", "string"), ("tenantId", "string"), ("region", "string"), ("attempt", "int"), ("limit", "int"),
            ("elapsed", "duration"), ("window", "duration"), ("endpoint", "uri"), ("callback", "uri"), ("dryRun", "bool"),
            ("partial", "bool"), ("shard", "int"), ("operationId", "string"), ("quotaName", "string"), ("rawDetail", "string"),
        };

        private static readonly string[] NeverCodes =
        {
            "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
            "ABORTED", "UNIMPLEMENTED", "INTERNAL", "DATA_LOSS", "UNKNOWN", "CANCELLED", "DEADLINE_EXCEEDED",
        };

        private static readonly string[] RetryableCodes = { "UNAVAILABLE", "RESOURCE_EXHAUSTED", "INTERNAL", "UNKNOWN", "ABORTED", "DEADLINE_EXCEEDED" };

        private static readonly string[] AllErrorCodes =
        {
            "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
            "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
            "DATA_LOSS", "UNAUTHENTICATED",
        };

        /// <summary>The taxonomy's JSON text.</summary>
        public static string Create(int kindCount, int seed = 20260101)
        {
            var random = new Random(seed + kindCount);
            var kinds = new List<Kind>(kindCount);
            var markers = new List<Kind>();
            var fallbackCodes = new HashSet<string>(StringComparer.Ordinal);
            int markerCount = Math.Max(3, kindCount / 100);

            for (int i = 0; i < kindCount; i++)
            {
                var kind = new Kind
                {
                    Reason = Words[random.Next(Words.Length)] + "_" + Problems[random.Next(Problems.Length)] + "_" + (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                    Number = i + 1,
                };

                if (i < markerCount)
                {
                    // Field-less roots that other kinds take as secondary parents (like TOO_MANY_REQUESTS).
                    SetClassification(kind, random);
                    markers.Add(kind);
                }
                else
                {
                    var parent = PickParent(kinds, markerCount, random);
                    if (parent is null)
                    {
                        SetClassification(kind, random);
                        kind.IsAbstract = random.Next(20) == 0;
                        AddFields(kind, random, 1 + random.Next(3));
                    }
                    else
                    {
                        kind.Parents.Add(parent);
                        kind.Depth = parent.Depth + 1;
                        kind.Inherited.AddRange(parent.Inherited);
                        kind.Inherited.AddRange(parent.Own);
                        kind.ResolvedRetry = parent.ResolvedRetry;
                        kind.ResolvedCode = parent.ResolvedCode;
                        if (random.Next(2) == 0)
                        {
                            SetClassification(kind, random);
                        }

                        if (random.Next(3) == 0)
                        {
                            AddFields(kind, random, 1);
                        }

                        if (random.Next(5) == 0)
                        {
                            var marker = markers[random.Next(markers.Count)];
                            kind.Parents.Add(marker);
                            if (kind.Code is null && (marker.ResolvedCode != kind.ResolvedCode || marker.ResolvedRetry != kind.ResolvedRetry))
                            {
                                // Parents that disagree on code or retry must be settled explicitly (ESDK206): keep the first parent's.
                                kind.Code = kind.ResolvedCode;
                                kind.Retry = kind.ResolvedRetry;
                            }
                        }
                    }
                }

                if (!kind.IsAbstract)
                {
                    if (fallbackCodes.Count < AllErrorCodes.Length && fallbackCodes.Add(kind.ResolvedCode))
                    {
                        kind.FallbackFor = kind.ResolvedCode;
                    }

                    if (random.Next(20) == 0)
                    {
                        kind.Alias = ("LEGACY_" + kind.Reason, kind.ResolvedCode);
                    }

                    kind.Deprecated = random.Next(100) == 0;
                }

                kinds.Add(kind);
            }

            return Write(kinds, random);
        }

        private static Kind? PickParent(List<Kind> kinds, int markerCount, Random random)
        {
            // One kind in eight starts a new category; the others extend a recent chain that is not yet three parents deep.
            if (kinds.Count == markerCount || random.Next(8) == 0)
            {
                return null;
            }

            for (int attempt = 0; attempt < 8; attempt++)
            {
                var candidate = kinds[kinds.Count - 1 - random.Next(Math.Min(16, kinds.Count - markerCount))];
                if (candidate.Depth < MaxDepth)
                {
                    return candidate;
                }
            }

            return null;
        }

        private static void SetClassification(Kind kind, Random random)
        {
            switch (random.Next(6))
            {
                case 0:
                    kind.Retry = "transient";
                    kind.Code = "UNAVAILABLE";
                    break;
                case 1:
                    kind.Retry = "throttled";
                    kind.Code = random.Next(2) == 0 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE";
                    break;
                case 2:
                    kind.Retry = "reauthenticate";
                    kind.Code = "UNAUTHENTICATED";
                    break;
                case 3:
                    kind.Retry = "transient";
                    kind.Code = RetryableCodes[random.Next(RetryableCodes.Length)];
                    break;
                default:
                    kind.Retry = "never";
                    kind.Code = NeverCodes[random.Next(NeverCodes.Length)];
                    break;
            }

            kind.ResolvedRetry = kind.Retry;
            kind.ResolvedCode = kind.Code;
        }

        private static void AddFields(Kind kind, Random random, int count)
        {
            for (int attempt = 0; attempt < count * 4 && kind.Own.Count < count; attempt++)
            {
                var (name, type) = FieldPool[random.Next(FieldPool.Length)];
                if (kind.Inherited.Exists(f => f.Name == name) || kind.Own.Exists(f => f.Name == name))
                {
                    continue;
                }

                kind.Own.Add(new Field(name, type, Optional: random.Next(3) == 0, Sensitive: name == "rawDetail"));
            }
        }

        private static string Write(List<Kind> kinds, Random random)
        {
            var json = new StringBuilder(kinds.Count * 400);
            json.Append("{\n  \"name\": \"Scale\",\n  \"namespace\": \"Scale.Errors\",\n  \"domain\": \"scale.example.com\",\n");
            json.Append("  \"version\": \"1.0.0\",\n  \"proto_package\": \"scale.errors.v1\",\n  \"kinds\": {\n");
            for (int i = 0; i < kinds.Count; i++)
            {
                var kind = kinds[i];
                json.Append("    \"").Append(kind.Reason).Append("\": {\n");
                json.Append("      \"number\": ").Append(kind.Number.ToString(CultureInfo.InvariantCulture)).Append(",\n");
                if (kind.Parents.Count > 0)
                {
                    json.Append("      \"parents\": [");
                    for (int p = 0; p < kind.Parents.Count; p++)
                    {
                        json.Append(p > 0 ? ", " : string.Empty).Append('"').Append(kind.Parents[p].Reason).Append('"');
                    }

                    json.Append("],\n");
                }

                json.Append("      \"description\": \"Generated kind ").Append(kind.Number.ToString(CultureInfo.InvariantCulture)).Append(" for the generator scale benchmark.\"");
                if (kind.Code is not null)
                {
                    json.Append(",\n      \"code\": \"").Append(kind.Code).Append("\",\n      \"retry\": \"").Append(kind.Retry).Append('"');
                }

                if (kind.Parents.Count == 0 || kind.Own.Count > 0 || random.Next(2) == 0)
                {
                    json.Append(",\n      \"message\": \"").Append(Message(kind, random)).Append('"');
                }

                if (kind.IsAbstract)
                {
                    json.Append(",\n      \"abstract\": true");
                }

                if (kind.Deprecated)
                {
                    json.Append(",\n      \"deprecated\": \"Raise ").Append(kinds[0].Reason).Append(" instead.\"");
                }

                if (kind.FallbackFor is not null)
                {
                    json.Append(",\n      \"fallback_for\": [\"").Append(kind.FallbackFor).Append("\"]");
                }

                if (kind.Alias is { } alias)
                {
                    json.Append(",\n      \"aliases\": [ { \"reason\": \"").Append(alias.Reason).Append("\", \"code\": \"").Append(alias.Code).Append("\" } ]");
                }

                if (kind.Own.Count > 0)
                {
                    json.Append(",\n      \"fields\": {\n");
                    for (int f = 0; f < kind.Own.Count; f++)
                    {
                        var field = kind.Own[f];
                        json.Append("        \"").Append(field.Name).Append("\": { \"type\": \"").Append(field.Type).Append('"');
                        json.Append(", \"description\": \"The ").Append(field.Name).Append(" of the failed operation.\"");
                        if (field.Optional)
                        {
                            json.Append(", \"optional\": true");
                        }

                        if (field.Sensitive)
                        {
                            json.Append(", \"sensitive\": true");
                        }

                        json.Append(" }").Append(f < kind.Own.Count - 1 ? ",\n" : "\n");
                    }

                    json.Append("      }");
                }

                json.Append(i < kinds.Count - 1 ? "\n    },\n" : "\n    }\n");
            }

            json.Append("  }\n}\n");
            return json.ToString();
        }

        private static string Message(Kind kind, Random random)
        {
            var text = new StringBuilder("The operation failed");
            foreach (var field in kind.Inherited.Count > 0 && random.Next(2) == 0 ? kind.Inherited : kind.Own)
            {
                if (!field.Sensitive)
                {
                    text.Append(", ").Append(field.Name).Append(" {").Append(field.Name).Append('}');
                }
            }

            if (random.Next(10) == 0)
            {
                text.Append(" (literal {{braces}} stay)");
            }

            return text.Append('.').ToString();
        }

        private sealed record Field(string Name, string Type, bool Optional, bool Sensitive);

        private sealed class Kind
        {
            public string Reason { get; set; } = string.Empty;

            public int Number { get; set; }

            public int Depth { get; set; } = 1;

            public List<Kind> Parents { get; } = new List<Kind>();

            public string? Code { get; set; }

            public string? Retry { get; set; }

            public string ResolvedCode { get; set; } = "UNKNOWN";

            public string ResolvedRetry { get; set; } = "never";

            public bool IsAbstract { get; set; }

            public bool Deprecated { get; set; }

            public string? FallbackFor { get; set; }

            public (string Reason, string Code)? Alias { get; set; }

            public List<Field> Own { get; } = new List<Field>();

            public List<Field> Inherited { get; } = new List<Field>();
        }
    }
}
