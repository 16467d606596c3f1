namespace ErrorSdk.Properties.Tests
{
    /// <summary>
    /// How many cases each property runs. A taxonomy case costs one generator run, one compilation and one load
    /// (about 1–2 s on a 2-core machine); a value case on an already loaded taxonomy costs microseconds. So each
    /// compiled random taxonomy serves many value cases, and every value case covers every concrete kind.
    /// Multiply them all with ERRORSDK_PROPERTY_SCALE (see <see cref="Harness.PropertyCheck"/>).
    /// </summary>
    internal static class PropertyBudget
    {
        /// <summary>Invariant 1: random taxonomies compiled for the round trip.</summary>
        public const int RoundTripTaxonomies = 20;

        /// <summary>Invariant 1: value cases per taxonomy (each covers every concrete kind, three wire paths).</summary>
        public const int RoundTripValueCases = 40;

        /// <summary>Invariant 2: random taxonomies whose tables are checked kind by kind.</summary>
        public const int TableTaxonomies = 15;

        /// <summary>Invariant 3: valid random taxonomies mutated to break the code/retry rule (generator run only, no compilation).</summary>
        public const int CodeRuleMutations = 150;

        /// <summary>Diamonds (ESDK206): valid random taxonomies where a kind stops declaring the code/retry its parents disagree on (generator run only).</summary>
        public const int DiamondMutations = 60;

        /// <summary>Invariant 4: random taxonomies whose class and interface graph is checked.</summary>
        public const int InheritanceTaxonomies = 15;

        /// <summary>Invariant 5: random taxonomies promoted against.</summary>
        public const int PromoteTaxonomies = 20;

        /// <summary>Invariant 5: random statuses per taxonomy, each promoted directly, from bytes and from trailers.</summary>
        public const int PromoteStatusCases = 60;

        /// <summary>Invariant 6: random taxonomies whose messages are checked.</summary>
        public const int MessageTaxonomies = 15;

        /// <summary>Invariant 6: value cases per taxonomy (each covers every concrete kind).</summary>
        public const int MessageValueCases = 40;

        /// <summary>Invariant 7: random taxonomies generated under two random layouts (generator run only).</summary>
        public const int DeterminismTaxonomies = 100;
    }
}
