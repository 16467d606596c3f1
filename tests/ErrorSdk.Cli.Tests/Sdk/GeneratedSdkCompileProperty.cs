using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorSdk.Cli.Loading;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Cli.Tests.Interop;
using Xunit;

namespace ErrorSdk.Cli.Tests.Sdk
{
    /// <summary>
    /// Property: for random valid taxonomies (<see cref="SeededTaxonomies"/>), the emitted Python compiles and imports
    /// (class creation, multiple inheritance and all) and the emitted Go builds and passes go vet. Batched so it fits CI:
    /// every Python package in one interpreter run, every Go package in one GOPATH and one go vet.
    /// </summary>
    [Collection(InteropCollection.Name)]
    public sealed class GeneratedSdkCompileProperty
    {
        private const int Cases = 16;
        private const int FirstSeed = 1300;
        private readonly InteropFixture _fixture;

        public GeneratedSdkCompileProperty(InteropFixture fixture) => _fixture = fixture;

        [Fact]
        public void Emitted_python_and_go_of_random_valid_taxonomies_compile()
        {
            var go = Prerequisites.RequireGo();
            var modules = _fixture.PythonModules;
            var root = _fixture.TempPath("property");
            var gopath = Path.Combine(root, "gopath");
            var packages = new List<string>();
            for (int seed = FirstSeed; seed < FirstSeed + Cases; seed++)
            {
                var taxonomy = Path.Combine(root, "seed" + seed + ".json");
                var text = SeededTaxonomies.Generate(seed);
                Directory.CreateDirectory(root);
                File.WriteAllText(taxonomy, text);
                var loaded = TaxonomyLoader.Parse(taxonomy, text);
                Assert.False(loaded.HasErrors, "seed " + seed + " generated an invalid taxonomy:\n" + string.Join("\n", loaded.Diagnostics.Select(d => DiagnosticFormatter.FormatLine(taxonomy, d))) + "\n" + text);

                var python = CliRunner.Run("emit", "python", taxonomy, "-o", Path.Combine(root, "python"), "--package", "seed" + seed);
                Assert.True(python.ExitCode == ExitCodes.Success, "seed " + seed + ": " + python);
                packages.Add("seed" + seed);
                var goEmit = CliRunner.Run("emit", "go", taxonomy, "-o", Path.Combine(gopath, "src", "errorsdk.dev", "property", "seed" + seed), "--package", "seed" + seed);
                Assert.True(goEmit.ExitCode == ExitCodes.Success, "seed " + seed + ": " + goEmit);
            }

            // One interpreter: py_compile every file, then import every package and touch every class.
            var script = string.Join("\n", new[]
            {
                "import importlib, py_compile, sys",
                "sys.path[:0] = [sys.argv[1], sys.argv[2]]",
                "for name in sys.argv[3:]:",
                "    py_compile.compile(sys.argv[2] + '/' + name + '/__init__.py', doraise=True)",
                "    module = importlib.import_module(name)",
                "    assert all(issubclass(cls, module.TaxonomyError) for cls in module.ALL_KINDS.values()), name",
                "    for reason, cls in module.KINDS.items():",
                "        error = module.create(reason, {})",
                "        assert type(error) is cls and module.from_status(error.to_status()).__class__ is cls, (name, reason)",
                "print('IMPORTED', len(sys.argv) - 3)",
            });
            var pythonRun = ExternalProcess.Run(Prerequisites.Python, new[] { "-c", script, modules, Path.Combine(root, "python") }.Concat(packages).ToArray());
            Assert.True(pythonRun.ExitCode == 0, pythonRun.ToString());
            Assert.Contains("IMPORTED " + Cases, pythonRun.Output);

            var vet = ExternalProcess.Run(go, new[] { "vet", "errorsdk.dev/property/..." }, Path.Combine(gopath, "src"), GeneratedPeers.GoEnvironment(gopath), System.TimeSpan.FromMinutes(8));
            Assert.True(vet.ExitCode == 0, vet.ToString());
        }
    }
}
