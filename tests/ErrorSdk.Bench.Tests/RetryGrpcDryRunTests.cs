using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ErrorSdk.Bench.Tests
{
    /// <summary>
    /// The gRPC half of the retry benchmark cannot rot: <c>--grpc --dry</c> runs its scripts without a rate-limit window
    /// against the real Grpc.AspNetCore upstream and writes the documented JSON. The assertions are on request counts
    /// and outcomes, which do not depend on timing; nothing here looks at a time.
    /// </summary>
    public sealed class RetryGrpcDryRunTests : IDisposable
    {
        private readonly string _json = Path.Combine(Path.GetTempPath(), "errorsdk-retry-grpc-" + Guid.NewGuid().ToString("N") + ".json");

        [Fact]
        public async Task TheGrpcHalfRunsAndEveryClientIsReported()
        {
            var (exitCode, output) = await BenchProgram.RunProjectAsync("ErrorSdk.Bench.Retry", "--grpc", "--dry", "--json", _json);

            Assert.True(exitCode == 0, "exit code " + exitCode + Environment.NewLine + output);
            using var document = JsonDocument.Parse(File.ReadAllText(_json));
            var rows = document.RootElement.GetProperty("scenarios").EnumerateArray().Select(Row.Read).ToList();
            Assert.Equal(new[] { "naive", "grpc-service-config", "errorsdk" }, rows.Select(r => r.Client).Distinct());
            Assert.Equal(4 * 3, rows.Count);

            // The taxonomy decides for errorsdk: terminal kinds cost one request, typed; a refresh fixes the token.
            Assert.Equal((1, "USER_NOT_PROVISIONABLE (never)"), Find(rows, "USER_NOT_PROVISIONABLE", "errorsdk"));
            Assert.Equal((1, "TOOL_ERROR (never)"), Find(rows, "TOOL_ERROR", "errorsdk"));
            Assert.Equal((3, "ok"), Find(rows, "SERVICE_UNAVAILABLE", "errorsdk"));
            Assert.Equal((2, "ok"), Find(rows, "UNAUTHENTICATED", "errorsdk"));

            // The others, as the documented table shows: naive retries everything, the service config every listed code.
            Assert.Equal((4, "RpcException FailedPrecondition"), Find(rows, "USER_NOT_PROVISIONABLE", "naive"));
            Assert.Equal((5, "RpcException Unknown"), Find(rows, "TOOL_ERROR", "grpc-service-config"));
            Assert.Equal((1, "RpcException Unauthenticated"), Find(rows, "UNAUTHENTICATED", "grpc-service-config"));
            Assert.All(rows, r => Assert.Equal(0, r.EarlyRetries));
        }

        public void Dispose()
        {
            if (File.Exists(_json))
            {
                File.Delete(_json);
            }
        }

        private static (int Requests, string Outcome) Find(IEnumerable<Row> rows, string scenarioStart, string client)
        {
            var row = Assert.Single(rows, r => r.Scenario.StartsWith(scenarioStart, StringComparison.Ordinal) && r.Client == client);
            return (row.Requests, row.Outcome);
        }

        private sealed record Row(string Scenario, string Client, int Requests, string Outcome, int EarlyRetries)
        {
            public static Row Read(JsonElement e) => new(
                e.GetProperty("name").GetString()!,
                e.GetProperty("client").GetString()!,
                e.GetProperty("requests").GetInt32(),
                e.GetProperty("outcome").GetString()!,
                e.GetProperty("early_retries").GetInt32());
        }
    }
}
