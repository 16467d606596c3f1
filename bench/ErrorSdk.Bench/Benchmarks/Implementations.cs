namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// The names of the three implementations, used as benchmark method names, categories and the <c>impl</c> of
    /// the JSON summary.
    /// </summary>
    internal static class Implementations
    {
        /// <summary>This SDK: the generated code of the default taxonomy and the runtime it calls.</summary>
        public const string Generated = "generated";

        /// <summary>The hand-written baseline (<see cref="Baselines.HandWrittenTaxonomy"/>).</summary>
        public const string HandWritten = "hand-written";

        /// <summary>The reflection baseline (<see cref="Baselines.ReflectionTaxonomy"/>).</summary>
        public const string Reflection = "reflection";
    }
}
