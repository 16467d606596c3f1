using System;
using System.IO;

namespace ErrorSdk.Generator.Tests.Parsing
{
    /// <summary>Finds files of the repository (docs, sources) from the test's output folder.</summary>
    internal static class RepositoryFiles
    {
        public static string Root
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ErrorSdk.sln")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("ErrorSdk.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Root, relativePath));
    }
}
