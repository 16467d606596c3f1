using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Grpc;
using ErrorSdk.Taxonomy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ErrorSdk.Bench.Grpc
{
    /// <summary>
    /// From a received <see cref="RpcException"/> (a ToolRateLimitException's status in grpc-status-details-bin, as
    /// Grpc.Net.Client hands it over) to a typed exception with its field and delay: what a grpc-dotnet user writes
    /// without ErrorSdk (<c>GetRpcStatus()</c>, <c>Unpack&lt;ErrorInfo&gt;</c>, <c>Unpack&lt;RetryInfo&gt;</c>, a switch on
    /// the reason) against <c>taxonomy.Promote(rpcException)</c> (the tolerant trailer reader, then routing).
    /// </summary>
    [MemoryDiagnoser]
    public class PromoteRpcExceptionBenchmarks
    {
        private readonly IErrorTaxonomy _taxonomy = ErrorSdkTaxonomy.Instance;
        private RpcException _received = null!;

        [GlobalSetup]
        public void Setup()
        {
            var sent = new ToolRateLimitException(provider: "github", retryAfter: TimeSpan.FromSeconds(1.5)).ToRpcException();
            // What Grpc.Net.Client builds: the status, and the trailers with the details as bytes.
            _received = new RpcException(new Status(sent.StatusCode, sent.Status.Detail), sent.Trailers);
        }

        [Benchmark(Baseline = true, Description = "hand-written: GetRpcStatus + Unpack + switch")]
        public Exception HandWritten()
        {
            var status = _received.GetRpcStatus();
            if (status is null)
            {
                return _received;
            }

            var info = status.Details.FirstOrDefault(d => d.Is(Google.Rpc.ErrorInfo.Descriptor))?.Unpack<Google.Rpc.ErrorInfo>();
            var retry = status.Details.FirstOrDefault(d => d.Is(Google.Rpc.RetryInfo.Descriptor))?.Unpack<Google.Rpc.RetryInfo>();
            TimeSpan? delay = retry?.RetryDelay?.ToTimeSpan();
            switch (info?.Reason)
            {
                case "TOOL_RATE_LIMIT":
                    return new ToolRateLimitException(provider: info.Metadata.TryGetValue("provider", out var provider) ? provider : string.Empty, retryAfter: delay);
                case "NOT_FOUND":
                    return new NotFoundException(
                        resourceName: info.Metadata.TryGetValue("resourceName", out var name) ? name : string.Empty,
                        resourceType: info.Metadata.TryGetValue("resourceType", out var type) ? type : string.Empty);
                default:
                    return _received;
            }
        }

        [Benchmark(Description = "ErrorSdk: taxonomy.Promote(rpcException)")]
        public Exception ErrorSdkPromote() => _taxonomy.Promote(_received);
    }
}
