using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorSdk.Properties.Tests.Model;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// taxonomy/taxonomy.json read into the property tests' model and resolved by it (inheritance, http defaults,
    /// routing), independently of the generator: the expectations every test here checks the generated SDK against.
    /// </summary>
    internal static class DefaultTaxonomy
    {
        private static readonly Lazy<ResolvedTaxonomy> Lazy = new Lazy<ResolvedTaxonomy>(Load);

        public static ResolvedTaxonomy Expected => Lazy.Value;

        public static ResolvedKind Kind(string reason) => Expected[reason];

        private static ResolvedTaxonomy Load()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "taxonomy.json")));
            var root = document.RootElement;
            var kinds = root.GetProperty("kinds").EnumerateObject().Select(ReadKind).ToList();
            var reserved = root.TryGetProperty("reserved", out var r) ? r : default;
            var model = new TaxonomyModel(
                root.GetProperty("name").GetString()!,
                root.GetProperty("namespace").GetString()!,
                root.GetProperty("domain").GetString()!,
                root.GetProperty("version").GetString()!,
                root.GetProperty("proto_package").GetString()!,
                Ints(reserved, "numbers"),
                Strings(reserved, "reasons"),
                ParentsFirst(kinds));
            return new ResolvedTaxonomy(model);
        }

        private static KindModel ReadKind(JsonProperty kind)
        {
            var k = kind.Value;
            var fields = k.TryGetProperty("fields", out var f)
                ? f.EnumerateObject().Select(field => new FieldModel(
                        field.Name,
                        FieldTypeOf(field.Value.GetProperty("type").GetString()!),
                        Bool(field.Value, "optional"),
                        Bool(field.Value, "sensitive"),
                        field.Value.TryGetProperty("description", out var d) ? d.GetString() : null))
                    .OrderBy(field => field.Name, StringComparer.Ordinal)
                    .ToList()
                : new List<FieldModel>();
            var match = k.TryGetProperty("match", out var m) ? m : default;
            return new KindModel(
                kind.Name,
                k.GetProperty("number").GetInt32(),
                k.GetProperty("description").GetString()!,
                Strings(k, "parents"),
                k.TryGetProperty("code", out var code) ? code.GetString() : null,
                k.TryGetProperty("retry", out var retry) ? RetryOf(retry.GetString()!) : null,
                k.TryGetProperty("message", out var message) ? message.GetString() : null,
                k.TryGetProperty("http", out var http) ? http.GetInt32() : null,
                fields,
                k.TryGetProperty("aliases", out var aliases)
                    ? aliases.EnumerateArray().Select(a => new AliasModel(a.GetProperty("reason").GetString()!, a.GetProperty("code").GetString()!)).ToList()
                    : new List<AliasModel>(),
                Strings(k, "fallback_for"),
                Strings(match, "transport"),
                match.ValueKind == JsonValueKind.Object && match.TryGetProperty("http_status", out var statuses)
                    ? statuses.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Number ? s.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : s.GetString()!).ToList()
                    : new List<string>(),
                k.TryGetProperty("deprecated", out var deprecated) ? deprecated.GetString() : null,
                Bool(k, "abstract"));
        }

        private static List<KindModel> ParentsFirst(List<KindModel> kinds)
        {
            var ordered = new List<KindModel>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            while (ordered.Count < kinds.Count)
            {
                var ready = kinds.Where(k => !done.Contains(k.Reason) && k.Parents.All(done.Contains)).ToList();
                if (ready.Count == 0)
                {
                    throw new InvalidOperationException("taxonomy.json has an inheritance cycle or an unknown parent");
                }

                ordered.AddRange(ready);
                done.UnionWith(ready.Select(k => k.Reason));
            }

            return ordered;
        }

        private static FieldType FieldTypeOf(string type) => type switch
        {
            "string" => FieldType.String,
            "int" => FieldType.Int,
            "bool" => FieldType.Bool,
            "duration" => FieldType.Duration,
            "uri" => FieldType.Uri,
            _ => throw new InvalidOperationException("unknown field type " + type),
        };

        private static RetryPolicy RetryOf(string retry) => retry switch
        {
            "never" => RetryPolicy.Never,
            "transient" => RetryPolicy.Transient,
            "throttled" => RetryPolicy.Throttled,
            "reauthenticate" => RetryPolicy.Reauthenticate,
            _ => throw new InvalidOperationException("unknown retry " + retry),
        };

        private static bool Bool(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.GetBoolean();

        private static List<string> Strings(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
                ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
                : new List<string>();

        private static List<int> Ints(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
                ? value.EnumerateArray().Select(v => v.GetInt32()).ToList()
                : new List<int>();
    }
}
