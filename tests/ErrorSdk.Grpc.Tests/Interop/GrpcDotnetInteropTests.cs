using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ErrorSdk.Cli.Tests.Infrastructure;
using ErrorSdk.Cli.Tests.Interop;
using ErrorSdk.Grpc.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Xunit;

namespace ErrorSdk.Grpc.Tests.Interop
{
    /// <summary>The gRPC interop tests run one at a time (each starts servers) and share the vectors and peer builds.</summary>
    [CollectionDefinition(Name)]
    public sealed class GrpcInteropCollection : ICollectionFixture<InteropFixture>
    {
        public const string Name = "GrpcInterop";
    }

    /// <summary>
    /// ErrorSdk.Grpc against gRPC implementations nobody here wrote, for every kind of the default taxonomy (the emitted
    /// vectors): Debian's grpcio and grpc-go clients call the grpc-dotnet server with <see cref="TaxonomyServerInterceptor"/>
    /// and check each error against its vector; a Grpc.Net.Client with <see cref="TaxonomyClientInterceptor"/> calls the
    /// Python and Go servers and must promote each answer to the kind's own class with its values. 0 mismatches.
    /// </summary>
    [Collection(GrpcInteropCollection.Name)]
    public sealed class GrpcDotnetInteropTests
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
        private readonly InteropFixture _fixture;

        public GrpcDotnetInteropTests(InteropFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task Python_grpcio_client_decodes_errors_thrown_in_a_grpc_dotnet_service()
        {
            var modules = _fixture.PythonModules;
            await using var server = await GrpcDotnetConformanceServer.StartAsync(_fixture.Vectors);

            var result = ExternalProcess.Run(Prerequisites.Python, new[] { InteropFixture.PythonScript, "client", "--vectors", _fixture.VectorsPath, "--pb2", modules, "--port", server.BaseAddress.Port.ToString() });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("CHECKED " + _fixture.Vectors.Count + " vectors, 0 mismatches", result.Output);
        }

        [Fact]
        public async Task Go_grpc_client_decodes_errors_thrown_in_a_grpc_dotnet_service()
        {
            var binary = _fixture.GoBinary;
            await using var server = await GrpcDotnetConformanceServer.StartAsync(_fixture.Vectors);

            var result = ExternalProcess.Run(binary, new[] { "-mode", "client", "-vectors", _fixture.VectorsPath, "-port", server.BaseAddress.Port.ToString() });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("CHECKED " + _fixture.Vectors.Count + " vectors, 0 mismatches", result.Output);
        }

        [Fact]
        public async Task Grpc_dotnet_client_promotes_every_kind_from_the_python_grpcio_server()
        {
            var modules = _fixture.PythonModules;
            using var server = new PeerProcess(Prerequisites.Python, new[] { InteropFixture.PythonScript, "server", "--vectors", _fixture.VectorsPath, "--pb2", modules });
            await AssertEveryKindPromoted(server.WaitForPort(StartTimeout), server);
        }

        [Fact]
        public async Task Grpc_dotnet_client_promotes_every_kind_from_the_go_grpc_server()
        {
            using var server = new PeerProcess(_fixture.GoBinary, new[] { "-mode", "server", "-vectors", _fixture.VectorsPath });
            await AssertEveryKindPromoted(server.WaitForPort(StartTimeout), server);
        }

        [Fact]
        public async Task The_grpc_dotnet_client_check_reports_a_vector_the_wire_does_not_match()
        {
            // Negative control: a vector with one wrong value must be reported, so a green run means the values crossed.
            await using var server = await GrpcDotnetConformanceServer.StartAsync(_fixture.Vectors);
            var notFound = _fixture.Vectors.Single(v => v.Reason == "NOT_FOUND");
            var wrong = notFound with { Metadata = new Dictionary<string, string>(notFound.Metadata) { ["resourceName"] = "something else" } };

            var problems = await CheckAsync(server.BaseAddress.Port, new[] { wrong });

            Assert.Single(problems);
            Assert.StartsWith("NOT_FOUND: metadata {", problems[0]);
        }

        private async Task AssertEveryKindPromoted(int port, PeerProcess server)
        {
            var problems = await CheckAsync(port, _fixture.Vectors);
            Assert.True(problems.Count == 0, string.Join("\n", problems) + server.Describe());
        }

        private static async Task<List<string>> CheckAsync(int port, IEnumerable<Vector> vectors)
        {
            using var channel = GrpcChannel.ForAddress("http://127.0.0.1:" + port);
            var invoker = channel.Intercept(new TaxonomyClientInterceptor(ErrorSdkTaxonomy.Instance));
            var problems = new List<string>();
            foreach (var vector in vectors)
            {
                try
                {
                    await invoker.AsyncUnaryCall(GrpcDotnetConformanceServer.MethodOf(vector.Reason), null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), Array.Empty<byte>());
                    problems.Add(vector.Reason + ": the call succeeded");
                }
                catch (TaxonomyException error)
                {
                    problems.AddRange(Compare(vector, error).Select(p => vector.Reason + ": " + p));
                }
            }

            return problems;
        }

        private static IEnumerable<string> Compare(Vector vector, TaxonomyException error)
        {
            var kind = ErrorSdkTaxonomy.TryParseReason(vector.Reason, out var reason) ? ErrorSdkTaxonomy.KindOf(reason) : null;
            if (kind is null || error.Kind != kind)
            {
                yield return "promoted to " + error.GetType().Name + " (" + error.Reason + "), expected the class of " + vector.Reason;
            }

            if ((int)error.Code != vector.Code || !string.Equals(error.Retry.ToString(), vector.Retry, StringComparison.OrdinalIgnoreCase))
            {
                yield return "code/retry " + error.Code + "/" + error.Retry + ", expected " + vector.CodeName + "/" + vector.Retry;
            }

            if (error.Message != vector.Message)
            {
                yield return "message '" + error.Message + "', expected '" + vector.Message + "'";
            }

            if (error.RetryAfter != vector.RetryAfter)
            {
                yield return "retry-after " + error.RetryAfter + ", expected " + vector.RetryAfter;
            }

            var metadata = error.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            if (!metadata.SequenceEqual(vector.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal)))
            {
                yield return "metadata {" + string.Join(", ", metadata) + "}, expected {" + string.Join(", ", vector.Metadata) + "}";
            }

            if (error.Received is { Problems.Count: > 0 } received)
            {
                yield return "problems reading the status: " + string.Join("; ", received.Problems);
            }

            if (error.InnerException is not RpcException)
            {
                yield return "inner exception " + error.InnerException?.GetType().Name + ", expected RpcException";
            }
        }
    }
}
