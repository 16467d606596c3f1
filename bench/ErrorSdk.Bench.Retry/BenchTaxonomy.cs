namespace ErrorSdk.Bench.Retry
{
    /// <summary>The taxonomy the errorsdk client classifies with: the repository's default taxonomy.</summary>
    internal static class BenchTaxonomy
    {
        // Until the generated ErrorSdkTaxonomy lands, taxonomy.json is read at run time by the tests' reader.
        public static IErrorTaxonomy Load() => ErrorSdk.Http.Tests.Infrastructure.JsonTaxonomy.Default;
    }
}
