using System.Collections.Generic;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Emitting
{
    /// <summary>One generated file: a stable hint name and its source text.</summary>
    internal sealed record EmittedFile(string HintName, string Source);

    /// <summary>
    /// Writes the source of a taxonomy from its spec alone: four files whatever the number of kinds. Deterministic:
    /// equal specs give byte-identical files (kinds are emitted in spec order, which is by number).
    /// </summary>
    internal static class TaxonomyEmitter
    {
        /// <summary><c>{Namespace}.{Name}</c>: it prefixes the hint names of the taxonomy's files.</summary>
        public static string Identity(TaxonomySpec spec) => spec.Namespace + "." + spec.Name;

        /// <summary>Every type the taxonomy generates, fully qualified: two taxonomies of a compilation may not share one.</summary>
        public static List<string> GeneratedTypeNames(TaxonomySpec spec)
        {
            var prefix = spec.Namespace + ".";
            var names = new List<string>(4 + (spec.Kinds.Count * 2))
            {
                prefix + spec.TaxonomyClassName,
                prefix + spec.ReasonEnumName,
                prefix + spec.KindsClassName,
            };
            foreach (var kind in spec.Kinds)
            {
                names.Add(prefix + kind.ClassName);
                names.Add(prefix + kind.InterfaceName);
            }

            return names;
        }

        public static IReadOnlyList<EmittedFile> Emit(TaxonomySpec spec)
        {
            var context = new EmitContext(spec);
            // The namespace is part of every hint name: two taxonomies named alike in different namespaces coexist.
            var prefix = Identity(spec);
            return new[]
            {
                new EmittedFile(prefix + "Taxonomy.g.cs", TablesEmitter.Emit(context)),
                new EmittedFile(prefix + "Kinds.g.cs", KindsEmitter.Emit(context)),
                new EmittedFile(prefix + "Interfaces.g.cs", InterfaceEmitter.Emit(context)),
                new EmittedFile(prefix + "Exceptions.g.cs", ExceptionEmitter.Emit(context)),
            };
        }
    }
}
