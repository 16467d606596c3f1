using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// The generated Python and Go SDKs of held-in taxonomies that exercise diamonds, optional, sensitive, uri, int,
    /// bool and duration fields and keyword field names talk to each other over real grpcio and
    /// grpc-go, in both directions: the server raises the generated error of every concrete kind, the client promotes
    /// it and checks class, every category, code, retry policy, delay, message and fields against the vectors the CLI
    /// emits (whose messages are rendered the way C# renders them).
    /// </summary>
    [Collection(InteropCollection.Name)]
    public sealed class GeneratedSdkInteropTests
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
        private readonly InteropFixture _fixture;

        public GeneratedSdkInteropTests(InteropFixture fixture) => _fixture = fixture;

        public static TheoryData<string> HeldInTaxonomies => new TheoryData<string>
        {
            "tests/ErrorSdk.Generator.Tests/Baselines/acme.taxonomy.json",
            "tests/ErrorSdk.Hardening.Tests/GoodTaxonomies/diamond-parents-declare-code-and-retry.json",
            "tests/ErrorSdk.Hardening.Tests/GoodTaxonomies/keyword-field-names.json",
        };

        [Theory]
        [MemberData(nameof(HeldInTaxonomies))]
        public void Python_and_go_sdks_agree_over_the_wire_in_both_directions(string relativePath)
        {
            var taxonomy = Repo.Path(relativePath.Split('/'));
            var directory = _fixture.TempPath("held-in-" + Path.GetFileNameWithoutExtension(relativePath));
            Directory.CreateDirectory(directory);
            var vectors = Path.Combine(directory, "vectors.json");
            Assert.Equal(ExitCodes.Success, CliRunner.Run("emit", "vectors", taxonomy, "-o", vectors).ExitCode);
            int count;
            using (var document = JsonDocument.Parse(File.ReadAllText(vectors)))
            {
                count = document.RootElement.GetProperty("vectors").GetArrayLength();
            }

            Assert.True(count > 0, "no vectors for " + relativePath);
            var modules = _fixture.PythonModules;
            var sdk = GeneratedPeers.EmitPythonSdk(taxonomy, Path.Combine(directory, "python"));
            var go = GeneratedPeers.BuildGoPeer(taxonomy, Path.Combine(directory, "go"));

            using (var goServer = new PeerProcess(go, new[] { "-mode", "server", "-vectors", vectors }))
            {
                int port = goServer.WaitForPort(StartTimeout);
                var python = ExternalProcess.Run(Prerequisites.Python, new[] { InteropFixture.PythonScript, "client", "--vectors", vectors, "--pb2", modules, "--port", port.ToString(), "--sdk", sdk });
                Assert.True(python.ExitCode == 0, python + goServer.Describe());
                Assert.Contains("CHECKED " + count + " vectors, 0 mismatches", python.Output);
            }

            using (var pythonServer = new PeerProcess(Prerequisites.Python, new[] { InteropFixture.PythonScript, "server", "--vectors", vectors, "--pb2", modules, "--sdk", sdk }))
            {
                int port = pythonServer.WaitForPort(StartTimeout);
                var client = ExternalProcess.Run(go, new[] { "-mode", "client", "-vectors", vectors, "-port", port.ToString() });
                Assert.True(client.ExitCode == 0, client + pythonServer.Describe());
                Assert.Contains("CHECKED " + count + " vectors, 0 mismatches", client.Output);
            }
        }
    }
}
