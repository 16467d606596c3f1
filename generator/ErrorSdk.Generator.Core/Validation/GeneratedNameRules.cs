using System.Collections.Generic;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>Every generated type name must be unique: kinds' classes and interfaces, {Name}Taxonomy and {Name}Reason.</summary>
    internal static class GeneratedNameRules
    {
        public static void Check(ValidationContext context)
        {
            var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var runtimeName in NameRules.RuntimeTypeNames)
            {
                owners[runtimeName] = "the runtime type 'ErrorSdk." + runtimeName + "'";
            }

            if (context.Raw.Name is { } name && NameRules.IsTaxonomyName(name.Value))
            {
                Claim(context, owners, GeneratedNames.TaxonomyClass(name.Value), "the taxonomy class", name.Span);
                Claim(context, owners, GeneratedNames.ReasonEnum(name.Value), "the reason enum", name.Span);
                Claim(context, owners, GeneratedNames.KindsClass(name.Value), "the kinds class", name.Span);
            }

            // Members of {Name}Kinds: one field per kind plus 'All'; a member may not be named like its class (CS0542).
            string? kindsClass = context.Raw.Name is { } n && NameRules.IsTaxonomyName(n.Value) ? GeneratedNames.KindsClass(n.Value) : null;

            var pascalNames = new Dictionary<string, KindState>(System.StringComparer.Ordinal);
            foreach (var kind in context.Kinds)
            {
                if (!kind.ReasonValid)
                {
                    continue;
                }

                var span = kind.Raw.ReasonSpan;
                if (pascalNames.TryGetValue(kind.PascalName, out var other))
                {
                    context.Diagnostics.Report(DiagnosticIds.PascalNameCollision, span, other.Reason, kind.Reason, kind.PascalName);
                    continue;
                }

                pascalNames.Add(kind.PascalName, kind);
                string owner = ValidationContext.KindContext(kind);
                if (kind.PascalName == "Unspecified")
                {
                    context.Diagnostics.Report(DiagnosticIds.GeneratedNameCollision, span, kind.PascalName, owner, "the reason enum's zero value 'Unspecified'");
                }

                if (kind.PascalName == "All")
                {
                    context.Diagnostics.Report(DiagnosticIds.GeneratedNameCollision, span, kind.PascalName, owner, "the kinds class's list 'All'");
                }

                if (kind.PascalName == kindsClass)
                {
                    context.Diagnostics.Report(DiagnosticIds.GeneratedNameCollision, span, kind.PascalName, owner, "the kinds class '" + kindsClass + "' that holds it");
                }

                Claim(context, owners, kind.ClassName, "the class of " + owner, span);
                Claim(context, owners, kind.InterfaceName, "the interface of " + owner, span);
            }
        }

        private static void Claim(ValidationContext context, Dictionary<string, string> owners, string generatedName, string owner, Model.SourceSpan span)
        {
            if (owners.TryGetValue(generatedName, out var existing))
            {
                context.Diagnostics.Report(DiagnosticIds.GeneratedNameCollision, span, generatedName, owner, existing);
            }
            else
            {
                owners.Add(generatedName, owner);
            }
        }
    }
}
