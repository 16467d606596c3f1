using System;
using System.IO;
using System.Linq;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Cli.Tests.Interop;
using Xunit;

namespace ErrorSdk.Cli.Tests.Sdk
{
    /// <summary>
    /// A uri field reads the same in every language: the generated Python <c>sanitize_uri</c> and Go <c>SanitizeURL</c>
    /// give what the C# runtime's FieldCodec.FormatUri gives (scheme://host[:port]/path; no userinfo, query or fragment).
    /// </summary>
    [Collection(InteropCollection.Name)]
    public sealed class UriSanitizingParityTests
    {
        private static readonly string[] Uris =
        {
            "https://api.example.com/v1/endpoint",
            "https://user:secret@API.Example.COM/v1/items?token=abc#frag",
            "HTTPS://api.example.com:443/a/./b/../c",
            "http://api.example.com:80",
            "http://api.example.com:8080/x?y=1",
            "https://api.example.com",
            "https://api.example.com/path%20with%20escapes/%C3%BC",
            "https://api.example.com/a b/ü",
            "https://[::1]:8443/ipv6?q",
            "ftp://files.example.com:2121/pub/file.txt",
            "/relative/path?query=1#frag",
            "relative/only",
        };

        private readonly InteropFixture _fixture;

        public UriSanitizingParityTests(InteropFixture fixture) => _fixture = fixture;

        [Fact]
        public void Python_and_go_sanitize_uris_as_the_runtime_does()
        {
            var expected = Uris.Select(u => FieldCodec.FormatUri(new Uri(u, UriKind.RelativeOrAbsolute))).ToList();
            var input = _fixture.TempPath("uris.txt");
            File.WriteAllLines(input, Uris);

            var sdk = _fixture.PythonSdk;
            var script = "import importlib.util, sys\n" +
                         "sys.path.insert(0, sys.argv[1])\n" +
                         "spec = importlib.util.spec_from_file_location('taxonomy_errors', sys.argv[2] + '/__init__.py')\n" +
                         "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n" +
                         "for line in open(sys.argv[3], encoding='utf-8').read().splitlines(): print(module.sanitize_uri(line))\n";
            var python = ExternalProcess.Run(Prerequisites.Python, new[] { "-c", script, _fixture.PythonModules, sdk, input });
            Assert.True(python.ExitCode == 0, python.ToString());
            Assert.Equal(expected, python.Output.Split('\n').Where(l => l.Length > 0).ToList());

            var go = Prerequisites.RequireGo();
            var gopath = Path.Combine(_fixture.TempPath("uri-parity"), "gopath");
            var emit = CliRunner.Run("emit", "go", Repo.DefaultTaxonomy, "-o", Path.Combine(gopath, "src", "errorsdk.dev", "uris", "taxonomy"), "--package", "taxonomy");
            Assert.True(emit.ExitCode == ExitCodes.Success, emit.ToString());
            var program = Path.Combine(gopath, "src", "errorsdk.dev", "uris", "main");
            Directory.CreateDirectory(program);
            File.WriteAllText(Path.Combine(program, "main.go"), GoProgram);
            var run = ExternalProcess.Run(go, new[] { "run", "errorsdk.dev/uris/main", input }, Path.Combine(gopath, "src"), GeneratedPeers.GoEnvironment(gopath), TimeSpan.FromMinutes(8));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(expected, run.Output.Split('\n').Where(l => l.Length > 0).ToList());
        }

        private const string GoProgram = @"package main

import (
	""fmt""
	""io/ioutil""
	""net/url""
	""os""
	""strings""

	""errorsdk.dev/uris/taxonomy""
)

func main() {
	data, err := ioutil.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(strings.TrimRight(string(data), ""\n""), ""\n"") {
		parsed, err := url.Parse(line)
		if err != nil {
			fmt.Println(""UNPARSABLE"")
			continue
		}
		fmt.Println(taxonomy.SanitizeURL(parsed))
	}
}
";
    }
}
