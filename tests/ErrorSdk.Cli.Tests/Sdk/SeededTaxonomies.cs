using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ErrorSdk.Cli.Tests.Sdk
{
    /// <summary>
    /// Valid random taxonomies from a seed (System.Random: the same seed gives the same file), for the property that the
    /// emitted Python and Go always compile. They reach what the SDK emitters must survive: up to 14 kinds, deep chains,
    /// secondary parents (diamonds over field-less categories), abstract kinds, every field type, optional and sensitive
    /// fields, field names that are keywords or member names in Python and Go, templates with placeholders, <c>{{</c>,
    /// <c>}}</c>, <c>%</c>, quotes, backslashes and non-ASCII text, fallbacks and legacy aliases.
    /// </summary>
    internal static class SeededTaxonomies
    {
        private static readonly string[] Types = { "string", "int", "bool", "duration", "uri" };

        // Keywords and generated member names in Python and Go, and C#-valid lowerCamel names.
        private static readonly string[] AwkwardNames =
        {
            "class", "type", "func", "error", "args", "select", "range", "import", "lambda", "from", "default", "status",
            "url", "time", "errors", "self", "none", "unwrap", "is", "grpc", "values", "fields", "go", "map", "any", "abort",
        };

        private static readonly (string Code, string Retry)[] CodeRetry =
        {
            ("INVALID_ARGUMENT", "never"), ("NOT_FOUND", "never"), ("INTERNAL", "never"), ("UNKNOWN", "never"),
            ("FAILED_PRECONDITION", "never"), ("PERMISSION_DENIED", "never"), ("ABORTED", "transient"),
            ("UNAVAILABLE", "transient"), ("DEADLINE_EXCEEDED", "transient"), ("RESOURCE_EXHAUSTED", "throttled"),
            ("UNAVAILABLE", "throttled"), ("UNAUTHENTICATED", "reauthenticate"), ("UNAUTHENTICATED", "never"),
        };

        private static readonly string[] Texts = { "failed", "100% done", "it's \"quoted\"", "back\\slash", "ünïcødé ✓", "tab\there" };

        private sealed class Kind
        {
            public string Reason = "";
            public List<string> Parents = new List<string>();
            public List<(string Name, string Type, bool Optional, bool Sensitive)> Fields = new List<(string, string, bool, bool)>();
            public bool Abstract;
            public int Depth;
        }

        /// <summary>The JSON text of the taxonomy of <paramref name="seed"/>.</summary>
        public static string Generate(int seed)
        {
            var random = new Random(seed);
            var kinds = new List<Kind>();
            int count = random.Next(1, 15);
            int fieldNumber = 0;
            var names = AwkwardNames.OrderBy(_ => random.Next()).ToList();
            for (int i = 0; i < count; i++)
            {
                var kind = new Kind { Reason = "KIND_" + (char)('A' + i) + "_" + random.Next(100) };
                var candidates = kinds.Where(k => k.Depth < 4).ToList();
                if (candidates.Count > 0 && random.Next(3) > 0)
                {
                    var first = candidates[random.Next(candidates.Count)];
                    kind.Parents.Add(first.Reason);
                    kind.Depth = first.Depth + 1;
                    // A secondary parent brings no fields of its own line, so the child owes it none.
                    var second = kinds.Where(k => k != first && k.Parents.Count == 0 && k.Fields.Count == 0 && !Ancestors(kinds, first).Contains(k.Reason)).ToList();
                    if (second.Count > 0 && random.Next(2) == 0)
                    {
                        kind.Parents.Add(second[random.Next(second.Count)].Reason);
                    }
                }

                int fields = random.Next(0, 4);
                for (int f = 0; f < fields; f++)
                {
                    var name = fieldNumber < names.Count && random.Next(2) == 0 ? names[fieldNumber] : "field" + fieldNumber + "Value";
                    fieldNumber++;
                    kind.Fields.Add((name, Types[random.Next(Types.Length)], random.Next(3) == 0, random.Next(4) == 0));
                }

                kind.Abstract = i < count - 1 && random.Next(5) == 0;
                kinds.Add(kind);
            }

            var json = new JsonObject
            {
                ["name"] = "Seeded" + seed,
                ["namespace"] = "Seeded.Errors",
                ["domain"] = "seeded" + seed + ".example.com",
                ["version"] = "1.0.0",
                ["proto_package"] = "seeded.errors.v1",
            };
            var kindsJson = new JsonObject();
            var fallbackCodes = new HashSet<string>();
            for (int i = 0; i < kinds.Count; i++)
            {
                var kind = kinds[i];
                var (code, retry) = CodeRetry[random.Next(CodeRetry.Length)];
                var inherited = InheritedFields(kinds, kind);
                var placeholders = inherited.Concat(kind.Fields).Where(f => !f.Sensitive && !f.Optional).Select(f => f.Name).ToList();
                var message = Texts[random.Next(Texts.Length)] + " {{literal}}";
                foreach (var placeholder in placeholders.Where(_ => random.Next(2) == 0))
                {
                    message += " " + placeholder + "={" + placeholder + "}";
                }

                var entry = new JsonObject
                {
                    ["number"] = i + 1,
                    ["description"] = "Kind " + i + ": " + Texts[random.Next(Texts.Length)],
                    ["code"] = code,
                    ["retry"] = retry,
                    ["message"] = message,
                };
                if (kind.Parents.Count > 0)
                {
                    entry["parents"] = new JsonArray(kind.Parents.Select(p => (JsonNode)p!).ToArray());
                }

                if (kind.Abstract)
                {
                    entry["abstract"] = true;
                }
                else if (kind.Parents.Count == 0 && random.Next(3) == 0 && fallbackCodes.Add(code))
                {
                    entry["fallback_for"] = new JsonArray(code);
                    entry["aliases"] = new JsonArray(new JsonObject { ["reason"] = "LEGACY_" + i, ["code"] = code });
                }

                if (kind.Fields.Count > 0)
                {
                    var fieldsJson = new JsonObject();
                    foreach (var field in kind.Fields)
                    {
                        var fieldJson = new JsonObject { ["type"] = field.Type, ["description"] = "The " + field.Name + "." };
                        if (field.Optional)
                        {
                            fieldJson["optional"] = true;
                        }

                        if (field.Sensitive)
                        {
                            fieldJson["sensitive"] = true;
                        }

                        fieldsJson[field.Name] = fieldJson;
                    }

                    entry["fields"] = fieldsJson;
                }

                kindsJson[kind.Reason] = entry;
            }

            json["kinds"] = kindsJson;
            return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        private static HashSet<string> Ancestors(List<Kind> kinds, Kind kind)
        {
            var result = new HashSet<string>();
            var stack = new Stack<Kind>(new[] { kind });
            while (stack.Count > 0)
            {
                foreach (var parent in stack.Pop().Parents)
                {
                    if (result.Add(parent))
                    {
                        stack.Push(kinds.Single(k => k.Reason == parent));
                    }
                }
            }

            return result;
        }

        /// <summary>The fields along the first-parent chain, above the kind.</summary>
        private static List<(string Name, string Type, bool Optional, bool Sensitive)> InheritedFields(List<Kind> kinds, Kind kind)
        {
            var fields = new List<(string, string, bool, bool)>();
            while (kind.Parents.Count > 0)
            {
                kind = kinds.Single(k => k.Reason == kind.Parents[0]);
                fields.AddRange(kind.Fields);
            }

            return fields;
        }
    }
}
