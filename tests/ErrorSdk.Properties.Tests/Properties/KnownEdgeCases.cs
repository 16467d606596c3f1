using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Hand-picked taxonomies at the edges the random generator leaves to one named test each, so that a bug there
    /// fails one test instead of masking the properties: names of generated members a field or kind can collide
    /// with, and the ends of TimeSpan's range. Each is the minimal taxonomy that shows its edge.
    /// </summary>
    public sealed class KnownEdgeCases
    {
        /// <summary>
        /// Taxonomies docs/design.md allows. Each must either be rejected with an error diagnostic or compile with no
        /// warning: never accepted and then broken in the user's build.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> Adversarial = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // {Name}Kinds is a generated type too: an interface I{Pascal} may not take its name.
            ["taxonomy IAcme, kind ACME_KINDS (interface IAcmeKinds vs class IAcmeKinds)"] = Taxonomy("IAcme", Kind("ACME_KINDS", 1)),
            // The KindInfo member of a kind is named like the kind: inside {Name}Kinds it may not be {Name}Kinds.
            ["taxonomy Acme, kind ACME_KINDS (member AcmeKinds.AcmeKinds)"] = Taxonomy("Acme", Kind("ACME_KINDS", 1)),
            // ... nor All, the list of every kind.
            ["kind ALL (member AcmeKinds.All twice)"] = Taxonomy("Acme", Kind("ALL", 1)),
            // TaxonomyException.WriteMetadata is a protected member every generated class sees (the schema forbids writeMetadata).
            ["field writeMetadata (hides TaxonomyException.WriteMetadata)"] = Taxonomy("Acme", Kind("FOO", 1, Fields(("writeMetadata", "string")))),
            // System.Exception.SerializeObjectState is a public (obsolete) event.
            ["field serializeObjectState (hides Exception.SerializeObjectState)"] = Taxonomy("Acme", Kind("FOO", 1, Fields(("serializeObjectState", "string")))),
            // A generated helper of the class must not take a name a field can have.
            ["field renderMessage in a message (property vs generated RenderMessage)"] = Taxonomy("Acme", Kind("FOO", 1, Fields(("renderMessage", "string")), "{renderMessage}")),
            ["inherited field renderMessage, child message with a placeholder"] = Taxonomy("Acme", Kind("FOO", 1, Fields(("renderMessage", "string"), ("x", "string"))) + "," + Child("BAR", 2, "FOO", "{x}")),

            // Edges the generator already gets right, kept as regressions.
            ["namespace segments System, Google and ErrorSdk"] = Taxonomy("Acme", Kind("FOO", 1), "System.Google.ErrorSdk"),
            ["fields named like C# keywords and runtime types"] = Taxonomy("Acme", Kind("FOO", 1, Fields(("event", "string"), ("class", "int"), ("base", "bool"), ("uri", "uri"), ("timeSpan", "duration"), ("string", "string")), "{event} {class} {base}")),
            ["kinds named like framework and protobuf types"] = Taxonomy("Acme", Kind("STATUS", 1) + "," + Kind("SYSTEM", 2) + "," + Kind("KIND_INFO", 3) + "," + Kind("GOOGLE", 4) + "," + Kind("OBJECT", 5)),
            ["deprecated abstract root with a child"] = Taxonomy("Acme", Kind("FOO", 1, ",\"deprecated\":\"Use \\\"BAR\\\" \\\\ instead.\\n\",\"abstract\":true") + "," + Child("BAR", 2, "FOO", null)),
            ["description and message with XML, quotes, newlines and NUL"] = Taxonomy("Acme", "\"FOO\":{\"number\":1,\"description\":\"a </summary> <b> & ]]> \\n /// \\\"q\\\" \\\\\",\"code\":\"INTERNAL\",\"retry\":\"never\",\"message\":\"{{x}} 100% \\\" \\\\ \\n \\u0000 end\"}"),
            ["63-character reason, number 2147483647"] = Taxonomy("Acme", Kind("ABCDEFGHIJ_ABCDEFGHIJ_ABCDEFGHIJ_ABCDEFGHIJ_ABCDEFGHIJ_ABCDEFGH", int.MaxValue)),
        };

        public static IEnumerable<object[]> AdversarialNames => Adversarial.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(AdversarialNames))]
        public void An_accepted_taxonomy_compiles_without_warnings(string name)
        {
            var json = Adversarial[name];
            var run = GeneratorHarness.Run(json, CompiledTaxonomy.Path);
            var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                // Rejected: fine, as long as it is an ESDK diagnostic at a real line of the taxonomy file.
                Assert.All(errors, d => Assert.StartsWith("ESDK", d.Id, StringComparison.Ordinal));
                Assert.All(errors, d => Assert.True(d.Location.GetLineSpan().IsValid, d.ToString()));
                return;
            }

            var problems = GeneratorHarness.Problems(run.Output.GetDiagnostics());
            Assert.True(problems.Count == 0, "Accepted, but the generated code does not compile cleanly:\n" + CompiledTaxonomy.Describe(problems) + json);
        }

        /// <summary>FieldCodec writes TimeSpan.MaxValue/MinValue; a duration field must read them back after the wire.</summary>
        [Fact]
        public void Duration_fields_round_trip_at_the_ends_of_TimeSpan()
        {
            var field = new FieldModel("elapsed", FieldType.Duration, false, false, null);
            var model = new TaxonomyModel(
                "Acme", "Acme.Errors", "acme.dev", "1.0.0", "acme.v1", Array.Empty<int>(), Array.Empty<string>(),
                new[]
                {
                    new KindModel("SLOW", 1, "Slow.", Array.Empty<string>(), "DEADLINE_EXCEEDED", RetryPolicy.Never, "Took {elapsed}.", null,
                        new[] { field }, Array.Empty<AliasModel>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), null, false),
                });
            using var compiled = CompiledTaxonomy.Compile(model, JsonLayout.Plain);
            var kind = compiled.Expected["SLOW"];
            var failures = new List<string>();
            foreach (var value in new[] { TimeSpan.MaxValue, TimeSpan.MinValue, TimeSpan.MaxValue - TimeSpan.FromTicks(1), TimeSpan.FromSeconds(922337203685) })
            {
                foreach (bool viaCreate in new[] { false, true })
                {
                    var values = new KindValues(kind, new[] { new FieldValue(field, value, FieldValues.FormatDuration(value), Array.Empty<string>()) }, null, null, null, viaCreate);
                    var local = compiled.Raise(values);
                    var promoted = compiled.Instance.Promote(local.ToStatus());
                    var expectedMessage = "Took " + FieldValues.FormatDuration(value) + ".";
                    if (!Equals(value, CompiledTaxonomy.Property(local, field)) || local.Message != expectedMessage || !Equals(value, CompiledTaxonomy.Property(promoted, field)))
                    {
                        failures.Add(FieldValues.FormatDuration(value) + (viaCreate ? " via Create" : " via constructor") + ": local " +
                                     Expect.Show(CompiledTaxonomy.Property(local, field)) + " \"" + local.Message + "\", promoted " + Expect.Show(CompiledTaxonomy.Property(promoted, field)));
                    }
                }
            }

            Assert.True(failures.Count == 0, "Duration values that do not survive:\n" + string.Join("\n", failures));
        }

        private static string Taxonomy(string name, string kinds, string ns = "Edge.Cases") =>
            "{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\",\"domain\":\"edge.dev\",\"version\":\"1.0.0\",\"proto_package\":\"edge.v1\",\"kinds\":{" + kinds + "}}";

        private static string Kind(string reason, int number, string extra = "", string message = "Failed.") =>
            "\"" + reason + "\":{\"number\":" + number + ",\"description\":\"A kind.\",\"code\":\"INTERNAL\",\"retry\":\"never\",\"message\":\"" + message + "\"" + extra + "}";

        private static string Child(string reason, int number, string parent, string? message) =>
            "\"" + reason + "\":{\"number\":" + number + ",\"description\":\"A child.\",\"parents\":[\"" + parent + "\"]" + (message is null ? string.Empty : ",\"message\":\"" + message + "\"") + "}";

        private static string Fields(params (string Name, string Type)[] fields) =>
            ",\"fields\":{" + string.Join(",", fields.Select(f => "\"" + f.Name + "\":{\"type\":\"" + f.Type + "\"}")) + "}";
    }
}
