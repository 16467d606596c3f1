using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ErrorSdk.Cli.Tests.Infrastructure;
using Xunit;

namespace ErrorSdk.Cli.Tests.Interop
{
    /// <summary>
    /// Errors cross the wire between real gRPC implementations nobody here wrote (Debian's grpcio and grpc-go) and
    /// ErrorSdk, in both directions, for every kind of the default taxonomy, driven by the emitted vectors.
    /// </summary>
    [Collection(InteropCollection.Name)]
    public sealed class LiveInteropTests
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
        private readonly InteropFixture _fixture;

        public LiveInteropTests(InteropFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Python_grpcio_server_errors_read_back_in_dotnet()
        {
            var modules = _fixture.PythonModules;
            using var server = new PeerProcess(Prerequisites.Python, new[] { InteropFixture.PythonScript, "server", "--vectors", _fixture.VectorsPath, "--pb2", modules, "--sdk", _fixture.PythonSdk });
            await AssertEveryKindReadsBack(server.WaitForPort(StartTimeout), server);
        }

        [Fact]
        public async Task Go_grpc_server_errors_read_back_in_dotnet()
        {
            using var server = new PeerProcess(_fixture.GoBinary, new[] { "-mode", "server", "-vectors", _fixture.VectorsPath });
            await AssertEveryKindReadsBack(server.WaitForPort(StartTimeout), server);
        }

        [Fact]
        public async Task Python_grpcio_client_decodes_errors_thrown_in_aspnetcore()
        {
            var modules = _fixture.PythonModules;
            await using var server = await AspNetCoreErrorServer.StartAsync(_fixture.Vectors);

            var result = ExternalProcess.Run(Prerequisites.Python, new[] { InteropFixture.PythonScript, "client", "--vectors", _fixture.VectorsPath, "--pb2", modules, "--port", server.Port.ToString(), "--sdk", _fixture.PythonSdk });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("CHECKED " + _fixture.Vectors.Count + " vectors, 0 mismatches", result.Output);
        }

        [Fact]
        public async Task Go_grpc_client_decodes_errors_thrown_in_aspnetcore()
        {
            var binary = _fixture.GoBinary;
            await using var server = await AspNetCoreErrorServer.StartAsync(_fixture.Vectors);

            var result = ExternalProcess.Run(binary, new[] { "-mode", "client", "-vectors", _fixture.VectorsPath, "-port", server.Port.ToString() });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("CHECKED " + _fixture.Vectors.Count + " vectors, 0 mismatches", result.Output);
        }

        [Fact]
        public void Emitted_proto_compiles_with_protoc_and_python_reads_the_taxonomy_numbers()
        {
            Prerequisites.RequirePython();
            var protoc = Prerequisites.RequireProtoc();
            var directory = _fixture.TempPath("proto");
            Directory.CreateDirectory(directory);
            var proto = Path.Combine(directory, "errorsdk_reasons.proto");
            Assert.Equal(ExitCodes.Success, CliRunner.Run("emit", "proto", Repo.DefaultTaxonomy, "-o", proto).ExitCode);

            var compile = ExternalProcess.Run(protoc, new[] { "-I" + directory, "--python_out=" + directory, proto });
            Assert.True(compile.ExitCode == 0, compile.ToString());
            var read = ExternalProcess.Run(Prerequisites.Python, new[] { InteropFixture.PythonScript, "enums", "--module", Path.Combine(directory, "errorsdk_reasons_pb2.py"), "--enum", "ErrorSdkReason" });
            Assert.True(read.ExitCode == 0, read.ToString());

            using var report = JsonDocument.Parse(read.Output);
            var values = report.RootElement.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var spec = Generator.Parsing.TaxonomyReader.Read(Repo.DefaultTaxonomy, File.ReadAllText(Repo.DefaultTaxonomy), default).Spec!;
            var expected = spec.Kinds.ToDictionary(k => "ERROR_SDK_REASON_" + k.Reason, k => k.Number);
            expected["ERROR_SDK_REASON_UNSPECIFIED"] = 0;
            Assert.Equal(expected.OrderBy(e => e.Key), values.OrderBy(e => e.Key));
            Assert.Equal("errorsdk.taxonomy.v1", report.RootElement.GetProperty("package").GetString());
            Assert.Equal(spec.ReservedNumbers.OrderBy(n => n), report.RootElement.GetProperty("reservedNumbers").EnumerateArray().Select(n => n.GetInt32()));
            Assert.Equal(spec.ReservedReasons.Select(r => "ERROR_SDK_REASON_" + r), report.RootElement.GetProperty("reservedNames").EnumerateArray().Select(n => n.GetString()));
        }

        [Fact]
        public async Task Every_checker_reports_a_vector_the_wire_does_not_match()
        {
            // Negative control: the same ASP.NET Core answers, checked against vectors with one wrong value each, must fail
            // in the Python, Go and C# checkers alike, so a green interop run means the values really crossed.
            var modules = _fixture.PythonModules;
            var binary = _fixture.GoBinary;
            var tampered = _fixture.TempPath("tampered-vectors.json");
            var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_fixture.VectorsPath))!;
            foreach (var vector in document["vectors"]!.AsArray())
            {
                switch ((string)vector!["reason"]!)
                {
                    case "NOT_FOUND":
                        vector["metadata"]!["resourceName"] = "something else";
                        break;
                    case "TOOL_RATE_LIMIT":
                        vector["retryAfter"] = "9s";
                        break;
                    case "CONFLICT":
                        vector["code"]!["value"] = 9;
                        break;
                }
            }

            File.WriteAllText(tampered, document.ToJsonString());
            await using var server = await AspNetCoreErrorServer.StartAsync(_fixture.Vectors);

            var python = ExternalProcess.Run(Prerequisites.Python, new[] { InteropFixture.PythonScript, "client", "--vectors", tampered, "--pb2", modules, "--port", server.Port.ToString(), "--sdk", _fixture.PythonSdk });
            var go = ExternalProcess.Run(binary, new[] { "-mode", "client", "-vectors", tampered, "-port", server.Port.ToString() });

            foreach (var result in new[] { python, go })
            {
                Assert.True(result.ExitCode == 1, result.ToString());
                Assert.Contains("MISMATCH NOT_FOUND: metadata", result.Output);
                Assert.Contains("MISMATCH TOOL_RATE_LIMIT: retry delay", result.Output);
                Assert.Contains("MISMATCH CONFLICT: code", result.Output);
                Assert.Matches("CHECKED " + _fixture.Vectors.Count + " vectors, [1-9][0-9]* mismatches", result.Output);
            }

            using var client = new GrpcHttpClient();
            var notFound = _fixture.Vectors.Single(v => v.Reason == "NOT_FOUND");
            var wrong = notFound with { Metadata = new Dictionary<string, string>(notFound.Metadata) { ["resourceName"] = "something else" } };
            var problems = Check(wrong, await client.CallAsync(server.Port, InteropFixture.MethodPrefix + "NOT_FOUND")).ToList();
            Assert.Single(problems);
            Assert.StartsWith("metadata {", problems[0]);
        }

        private async Task AssertEveryKindReadsBack(int port, PeerProcess server)
        {
            using var client = new GrpcHttpClient();
            var problems = new List<string>();
            foreach (var vector in _fixture.Vectors)
            {
                IReadOnlyList<KeyValuePair<string, string>> headers;
                try
                {
                    headers = await client.CallAsync(port, InteropFixture.MethodPrefix + vector.Reason);
                }
                catch (Exception e) when (e is System.Net.Http.HttpRequestException || e is TaskCanceledException)
                {
                    Assert.Fail("calling " + vector.Reason + " on " + server.Command + " failed: " + e.Message + server.Describe());
                    return;
                }

                problems.AddRange(Check(vector, headers).Select(p => vector.Reason + ": " + p));
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems) + server.Describe());
        }

        private IEnumerable<string> Check(Vector vector, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            var status = GrpcWire.FromTrailers(headers);
            if (status is null)
            {
                yield return "no grpc-status in " + string.Join(", ", headers.Select(h => h.Key));
                yield break;
            }

            var received = ReceivedError.Read(status, _fixture.Domain);
            if (received.Problems.Count > 0)
            {
                yield return "problems reading the status: " + string.Join("; ", received.Problems);
            }

            if (status.Code != vector.Code)
            {
                yield return "code " + status.Code + ", expected " + vector.Code + " (" + vector.CodeName + ")";
            }

            if (status.Message != vector.Message)
            {
                yield return "message '" + status.Message + "', expected '" + vector.Message + "'";
            }

            if (received.Reason != vector.Reason || !received.IsTaxonomyDomain)
            {
                yield return "ErrorInfo (" + received.Reason + ", " + received.Domain + "), expected (" + vector.Reason + ", " + vector.Domain + ")";
            }

            var metadata = received.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            if (!metadata.SequenceEqual(vector.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal)))
            {
                yield return "metadata {" + string.Join(", ", metadata) + "}, expected {" + string.Join(", ", vector.Metadata) + "}";
            }

            if (received.RetryAfter != vector.RetryAfter)
            {
                yield return "retry delay " + received.RetryAfter + ", expected " + vector.RetryAfter;
            }

            // The generated SDK routes what the peer sent to the kind's own class, with its code and retry policy.
            var promoted = ErrorSdk.Taxonomy.ErrorSdkTaxonomy.Promote(status);
            var kind = ErrorSdk.Taxonomy.ErrorSdkTaxonomy.TryParseReason(vector.Reason, out var reason)
                ? ErrorSdk.Taxonomy.ErrorSdkTaxonomy.KindOf(reason)
                : null;
            if (kind is null || promoted.Kind != kind)
            {
                yield return "promoted to " + promoted.GetType().Name + " (" + promoted.Reason + "), expected the class of " + vector.Reason;
            }

            if ((int)promoted.Code != vector.Code || !string.Equals(promoted.Retry.ToString(), vector.Retry, StringComparison.OrdinalIgnoreCase))
            {
                yield return "promoted code/retry " + promoted.Code + "/" + promoted.Retry + ", expected " + vector.CodeName + "/" + vector.Retry;
            }

            if (promoted.RetryAfter != vector.RetryAfter || promoted.Message != vector.Message)
            {
                yield return "promoted retry-after/message " + promoted.RetryAfter + "/'" + promoted.Message + "'";
            }
        }
    }
}
