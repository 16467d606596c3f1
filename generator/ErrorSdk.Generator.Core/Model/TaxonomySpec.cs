using ErrorSdk.Generator.Conventions;
namespace ErrorSdk.Generator.Model
{
    /// <summary>A validated taxonomy: everything the emitter needs, and nothing from Roslyn's symbol world.</summary>
    internal sealed record TaxonomySpec(
        string Name,
        string Namespace,
        string Domain,
        string Version,
        string ProtoPackage,
        string SourcePath,
        EquatableArray<int> ReservedNumbers,
        EquatableArray<string> ReservedReasons,
        EquatableArray<KindSpec> Kinds)
    {
        /// <summary>The generated taxonomy class: <c>{Name}Taxonomy</c>.</summary>
        public string TaxonomyClassName => GeneratedNames.TaxonomyClass(Name);

        /// <summary>The generated reason enum: <c>{Name}Reason</c>.</summary>
        public string ReasonEnumName => GeneratedNames.ReasonEnum(Name);

        /// <summary>The generated class of KindInfo singletons: <c>{Name}Kinds</c>.</summary>
        public string KindsClassName => GeneratedNames.KindsClass(Name);
    }
}
