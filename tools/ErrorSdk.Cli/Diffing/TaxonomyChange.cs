namespace ErrorSdk.Cli.Diffing
{
    /// <summary>What a change does to the people and programs that depend on the taxonomy, and the bump it needs.</summary>
    internal enum ChangeClass
    {
        /// <summary>Wording only (description, message text, deprecation note): needs a patch bump.</summary>
        Editorial = 1,

        /// <summary>Something new that old readers ignore safely (a kind, an optional field, an alias): needs a minor bump.</summary>
        Additive = 2,

        /// <summary>Something published was removed or changed meaning (AIP-193: reasons and keys are forever): needs a major bump.</summary>
        Breaking = 3,
    }

    /// <summary>One difference between two versions of a taxonomy.</summary>
    /// <param name="Class">How the change affects dependants.</param>
    /// <param name="Rule">A stable id of the rule that classified it (e.g. <c>reason-removed</c>), for tooling.</param>
    /// <param name="Subject">What changed: a reason, <c>REASON.field</c>, or a top-level property.</param>
    /// <param name="Description">What happened, in words.</param>
    internal sealed record TaxonomyChange(ChangeClass Class, string Rule, string Subject, string Description)
    {
        /// <summary>The smallest version bump that allows the change.</summary>
        public VersionBump RequiredBump => Class switch
        {
            ChangeClass.Breaking => VersionBump.Major,
            ChangeClass.Additive => VersionBump.Minor,
            _ => VersionBump.Patch,
        };

        /// <summary>The class as the report spells it.</summary>
        public string ClassName => Class switch
        {
            ChangeClass.Breaking => "breaking",
            ChangeClass.Additive => "additive",
            _ => "editorial",
        };
    }
}
