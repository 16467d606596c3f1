using System;
using System.IO;

namespace ErrorSdk.Cli.Tests.Infrastructure
{
    /// <summary>Paths inside the repository, found from the test assembly's location.</summary>
    internal static class Repo
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ErrorSdk.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ErrorSdk.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => RootPath.Value;

        public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

        public static string DefaultTaxonomy => Path("taxonomy", "taxonomy.json");

        public static string Schema => Path("taxonomy.schema.json");
    }
}
