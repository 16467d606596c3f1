using System.IO;
using ErrorSdk.Generator.Tests.Parsing;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>
    /// Files of the test project's source tree (inputs and baselines are read there, never copied). The folder is found
    /// from the repository root, not from <c>[CallerFilePath]</c>: a CI build (<c>ContinuousIntegrationBuild</c>) maps
    /// source paths to <c>/_/</c>, which exists on no disk.
    /// </summary>
    internal static class TestFiles
    {
        public static string ProjectDirectory { get; } = Path.Combine(RepositoryFiles.Root, "tests", "ErrorSdk.Generator.Tests");

        public static string BaselinesDirectory => Path.Combine(ProjectDirectory, "Baselines");

        /// <summary>The representative taxonomy the baselines are generated from.</summary>
        public static string SampleTaxonomy => File.ReadAllText(Path.Combine(BaselinesDirectory, "acme.taxonomy.json"));
    }
}
