using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErrorSdk.Cli.Tests.Infrastructure
{
    /// <summary>Variants of the default taxonomy, made by editing its JSON, for diff and parity tests.</summary>
    internal static class TaxonomyEdit
    {
        private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true };

        public static JsonObject LoadDefault() => JsonNode.Parse(File.ReadAllText(Repo.DefaultTaxonomy))!.AsObject();

        public static JsonObject Kinds(JsonObject taxonomy) => taxonomy["kinds"]!.AsObject();

        public static JsonObject Kind(JsonObject taxonomy, string reason) => Kinds(taxonomy)[reason]!.AsObject();

        /// <summary>The default taxonomy with <paramref name="edit"/> applied, as JSON text.</summary>
        public static string Edited(Action<JsonObject> edit)
        {
            var taxonomy = LoadDefault();
            taxonomy.Remove("$schema");
            edit(taxonomy);
            return taxonomy.ToJsonString(Indented);
        }

        /// <summary>Renames a kind's key, keeping its position.</summary>
        public static void RenameKind(JsonObject taxonomy, string from, string to)
        {
            var kinds = Kinds(taxonomy);
            var copy = new JsonObject();
            foreach (var entry in kinds)
            {
                copy[entry.Key == from ? to : entry.Key] = entry.Value!.DeepClone();
            }

            taxonomy["kinds"] = copy;
        }
    }
}
