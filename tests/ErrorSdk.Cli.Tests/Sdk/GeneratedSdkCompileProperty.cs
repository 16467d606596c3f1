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
                // Hostile input: random codes, details of known and unknown types with random bytes, random trailer bytes.
                "import random",
                "from google.rpc import status_pb2",
                "module = importlib.import_module(sys.argv[3])",
                "rng = random.Random(13)",
                "class Call:",
                "    def __init__(self, code, raw): self._code, self._raw = code, raw",
                "    def code(self): return self._code",
                "    def details(self): return 'x'",
                "    def trailing_metadata(self): return (('grpc-status-details-bin', self._raw),)",
                "codes = list(__import__('grpc').StatusCode)",
                "for i in range(300):",
                "    status = status_pb2.Status(code=rng.randrange(-5, 40), message='m')",
                "    for _ in range(rng.randrange(4)):",
                "        detail = status.details.add()",
                "        detail.type_url = rng.choice(['type.googleapis.com/google.rpc.ErrorInfo', 'type.googleapis.com/google.rpc.RetryInfo', 'x/unknown'])",
                "        detail.value = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))",
                "    assert isinstance(module.from_status(status), module.TaxonomyError)",
                "    raw = bytes(rng.randrange(256) for _ in range(rng.randrange(60)))",
                "    promoted = module.promote(Call(rng.choice(codes), raw))",
                "    assert isinstance(promoted, module.TaxonomyError) and promoted.received_status is not None",
                "print('HOSTILE OK')",
            });
            var pythonRun = ExternalProcess.Run(Prerequisites.Python, new[] { "-c", script, modules, Path.Combine(root, "python") }.Concat(packages).ToArray());
            Assert.True(pythonRun.ExitCode == 0, pythonRun.ToString());
            Assert.Contains("IMPORTED " + Cases, pythonRun.Output);
            Assert.Contains("HOSTILE OK", pythonRun.Output);

            // Go: FromStatus on hostile statuses never panics and always gives an Error of the package.
            var hostile = Path.Combine(gopath, "src", "errorsdk.dev", "property", "hostile");
            Directory.CreateDirectory(hostile);
            File.WriteAllText(Path.Combine(hostile, "main.go"), HostileGoProgram.Replace("SEEDPKG", "seed" + FirstSeed));

            var vet = ExternalProcess.Run(go, new[] { "vet", "errorsdk.dev/property/..." }, Path.Combine(gopath, "src"), GeneratedPeers.GoEnvironment(gopath), System.TimeSpan.FromMinutes(8));
            Assert.True(vet.ExitCode == 0, vet.ToString());
            var run = ExternalProcess.Run(go, new[] { "run", "errorsdk.dev/property/hostile" }, Path.Combine(gopath, "src"), GeneratedPeers.GoEnvironment(gopath), System.TimeSpan.FromMinutes(8));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("HOSTILE OK 300", run.Output);
        }

        private const string HostileGoProgram = @"package main

import (
	""fmt""
	""math/rand""
	""os""

	""github.com/golang/protobuf/ptypes/any""
	spb ""google.golang.org/genproto/googleapis/rpc/status""
	""google.golang.org/grpc/status""

	sdk ""errorsdk.dev/property/SEEDPKG""
)

func main() {
	rng := rand.New(rand.NewSource(13))
	types := []string{""type.googleapis.com/google.rpc.ErrorInfo"", ""type.googleapis.com/google.rpc.RetryInfo"", ""x/unknown""}
	for i := 0; i < 300; i++ {
		p := &spb.Status{Code: int32(rng.Intn(40) + 1), Message: ""m""}
		for d := rng.Intn(4); d > 0; d-- {
			value := make([]byte, rng.Intn(40))
			rng.Read(value)
			p.Details = append(p.Details, &any.Any{TypeUrl: types[rng.Intn(len(types))], Value: value})
		}
		err := sdk.FromStatus(status.FromProto(p))
		if _, ok := err.(sdk.Error); !ok {
			fmt.Printf(""case %d: FromStatus gave %T\n"", i, err)
			os.Exit(1)
		}
		_ = sdk.RetryPolicy(err)
	}
	fmt.Println(""HOSTILE OK 300"")
}
";
    }
}
