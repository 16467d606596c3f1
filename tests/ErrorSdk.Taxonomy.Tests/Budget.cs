namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Case counts of the default taxonomy's properties. Nothing compiles at test time here, so a case costs
    /// microseconds to a millisecond; each value case covers every concrete kind. ERRORSDK_PROPERTY_SCALE multiplies them.
    /// </summary>
    internal static class Budget
    {
        /// <summary>Invariant 1: value cases, each raising every concrete kind and promoting it three ways.</summary>
        public const int RoundTripCases = 200;

        /// <summary>Invariant 5: random statuses, each promoted directly, from bytes and from trailers.</summary>
        public const int PromoteCases = 2000;

        /// <summary>Invariant 6: value cases, each raising every concrete kind.</summary>
        public const int MessageCases = 200;

        /// <summary>Invariant 4: value cases, each raising every concrete kind and wrapping it.</summary>
        public const int InheritanceCases = 50;
    }
}
