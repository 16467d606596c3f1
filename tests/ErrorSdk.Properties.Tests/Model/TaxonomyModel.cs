using System.Collections.Generic;
using System.Linq;

namespace ErrorSdk.Properties.Tests.Model
{
    /// <summary>
    /// A taxonomy as the random generator builds it: exactly what the JSON file declares (absent properties are
    /// null), before any inheritance. <see cref="ResolvedTaxonomy"/> computes what the generator should make of it.
    /// </summary>
    internal sealed record TaxonomyModel(
        string Name,
        string Namespace,
        string Domain,
        string Version,
        string ProtoPackage,
        IReadOnlyList<int> ReservedNumbers,
        IReadOnlyList<string> ReservedReasons,
        IReadOnlyList<KindModel> Kinds)
    {
        /// <summary>The kind declaring <paramref name="reason"/>.</summary>
        public KindModel Kind(string reason) => Kinds.First(k => k.Reason == reason);

        /// <summary>A copy with <paramref name="replacement"/> in place of the kind of the same reason.</summary>
        public TaxonomyModel WithKind(KindModel replacement) =>
            this with { Kinds = Kinds.Select(k => k.Reason == replacement.Reason ? replacement : k).ToList() };
    }

    /// <summary>One kind as declared: null means "absent from the file" (inherited or defaulted).</summary>
    internal sealed record KindModel(
        string Reason,
        int Number,
        string Description,
        IReadOnlyList<string> Parents,
        string? Code,
        RetryPolicy? Retry,
        string? Message,
        int? Http,
        IReadOnlyList<FieldModel> Fields,
        IReadOnlyList<AliasModel> Aliases,
        IReadOnlyList<string> FallbackFor,
        IReadOnlyList<string> MatchTransport,
        IReadOnlyList<string> MatchHttpStatus,
        string? Deprecated,
        bool IsAbstract);

    /// <summary>A field as declared by its kind.</summary>
    internal sealed record FieldModel(string Name, FieldType Type, bool Optional, bool Sensitive, string? Description)
    {
        /// <summary>The generated property name: the field name with its first letter upper-cased.</summary>
        public string PropertyName => char.ToUpperInvariant(Name[0]) + Name.Substring(1);

        /// <summary>Same type, optionality and sensitivity: what a redeclaration for a secondary ancestor must match.</summary>
        public bool SameShape(FieldModel other) =>
            Name == other.Name && Type == other.Type && Optional == other.Optional && Sensitive == other.Sensitive;
    }

    /// <summary>A (reason, code) pair that also promotes to the declaring kind.</summary>
    internal sealed record AliasModel(string Reason, string Code);
}
