using System.IO;
using System.Runtime.CompilerServices;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>Files of the test project's source tree (inputs and baselines are read there, never copied).</summary>
    internal static class TestFiles
    {
        public static string ProjectDirectory { get; } = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile())!)!;

        public static string BaselinesDirectory => Path.Combine(ProjectDirectory, "Baselines");

        /// <summary>The representative taxonomy the baselines are generated from.</summary>
        public static string SampleTaxonomy => File.ReadAllText(Path.Combine(BaselinesDirectory, "acme.taxonomy.json"));

        private static string ThisFile([CallerFilePath] string path = "") => path;
    }
}
