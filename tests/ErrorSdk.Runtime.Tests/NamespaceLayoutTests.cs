using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// Namespaces follow folders in every shipped package under <c>runtime/</c>: a file in <c>Wire/</c> of a project whose
    /// root namespace is <c>ErrorSdk</c> is in <c>ErrorSdk.Wire</c>, a file at the project's root in <c>ErrorSdk</c>. The one
    /// exception is the .NET convention for extension methods on a framework's builder (<c>AddTaxonomyErrors</c> on
    /// <c>IServiceCollection</c>): a <c>*Extensions.cs</c> file may declare them in the extended type's namespace.
    /// </summary>
    public class NamespaceLayoutTests
    {
        private static readonly Regex NamespaceDeclaration = new Regex(@"^\s*namespace\s+([A-Za-z_][A-Za-z0-9_.]*)", RegexOptions.Multiline);

        private static readonly Regex RootNamespaceProperty = new Regex(@"<RootNamespace>([^<]+)</RootNamespace>");

        [Fact]
        public void Every_runtime_file_is_in_the_namespace_of_its_folder()
        {
            var runtime = Path.Combine(RepositoryRoot(), "runtime");
            var projects = Directory.GetFiles(runtime, "*.csproj", SearchOption.AllDirectories);
            Assert.NotEmpty(projects);

            var wrong = new List<string>();
            int checkedFiles = 0;
            foreach (var project in projects)
            {
                var directory = Path.GetDirectoryName(project)!;
                var match = RootNamespaceProperty.Match(File.ReadAllText(project));
                var root = match.Success ? match.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(project);
                foreach (var file in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(directory, file);
                    var folder = Path.GetDirectoryName(relative) ?? string.Empty;
                    if (folder.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                    {
                        continue;
                    }

                    var expected = folder.Length == 0 ? root : root + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
                    foreach (Match declaration in NamespaceDeclaration.Matches(File.ReadAllText(file)))
                    {
                        checkedFiles++;
                        var actual = declaration.Groups[1].Value;
                        bool extensionConvention = !actual.StartsWith("ErrorSdk", StringComparison.Ordinal) &&
                            Path.GetFileName(file).EndsWith("Extensions.cs", StringComparison.Ordinal);
                        if (actual != expected && !extensionConvention)
                        {
                            wrong.Add(Path.GetRelativePath(runtime, file) + ": namespace " + actual + ", folder says " + expected);
                        }
                    }
                }
            }

            Assert.True(checkedFiles > 40, "Only " + checkedFiles + " namespace declarations found under " + runtime);
            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ErrorSdk.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("ErrorSdk.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
