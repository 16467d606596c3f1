using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Bench.Baselines;
using ErrorSdk.Taxonomy;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// Promote one received status with each implementation. Each derived class is one operation (its category) and
    /// supplies only its input; the hand-written switch is the baseline.
    /// </summary>
    public abstract class PromoteStatusBenchmark : BenchmarkBase
    {
        private readonly Google.Rpc.Status _status;

        protected PromoteStatusBenchmark(Google.Rpc.Status status) => _status = status;

        /// <summary>The hand-written switch.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public TaxonomyException HandWritten() => HandWrittenTaxonomy.Promote(_status);

        /// <summary>The generated Promote.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public TaxonomyException Generated() => ErrorSdkTaxonomy.Promote(_status);

        /// <summary>The reflection registry.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public TaxonomyException Reflection() => ReflectionTaxonomy.Default.Promote(_status);
    }

    /// <summary>Promote a status routed by its exact reason (TOOL_RATE_LIMIT → ToolRateLimitException).</summary>
    [BenchmarkCategory("Promote.ExactReason")]
    public class PromoteExactReason : PromoteStatusBenchmark
    {
        public PromoteExactReason()
            : base(Inputs.ExactReason)
        {
        }
    }

    /// <summary>Promote an alias: reason TOOL_ERROR with code RESOURCE_EXHAUSTED → ToolRateLimitException.</summary>
    [BenchmarkCategory("Promote.Alias")]
    public class PromoteAlias : PromoteStatusBenchmark
    {
        public PromoteAlias()
            : base(Inputs.Alias)
        {
        }
    }

    /// <summary>Promote a bare UNAVAILABLE status (no ErrorInfo) by the code's fallback → ServiceUnavailableException.</summary>
    [BenchmarkCategory("Promote.CodeFallback")]
    public class PromoteCodeFallback : PromoteStatusBenchmark
    {
        public PromoteCodeFallback()
            : base(Inputs.CodeFallback)
        {
        }
    }

    /// <summary>Promote an unknown reason with code FAILED_PRECONDITION: falls through to FailedPreconditionException.</summary>
    [BenchmarkCategory("Promote.UnknownReason")]
    public class PromoteUnknownReason : PromoteStatusBenchmark
    {
        public PromoteUnknownReason()
            : base(Inputs.Unknown)
        {
        }
    }

    /// <summary>
    /// gRPC trailers → typed exception: base64-decode grpc-status-details-bin, parse the Status, route it
    /// (the TOOL_RATE_LIMIT status of <see cref="PromoteExactReason"/>).
    /// </summary>
    [BenchmarkCategory("Promote.FromTrailers")]
    public class PromoteFromTrailers : BenchmarkBase
    {
        private IReadOnlyList<KeyValuePair<string, string>> _trailers = Inputs.ExactReasonTrailers;

        /// <summary>The hand-written trailer reader and switch.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public TaxonomyException HandWritten() => HandWrittenTaxonomy.Promote(HandWrittenTaxonomy.FromTrailers(_trailers));

        /// <summary><see cref="GrpcWire.FromTrailers"/> and the generated Promote.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public TaxonomyException Generated() => ErrorSdkTaxonomy.Promote(GrpcWire.FromTrailers(_trailers));

        /// <summary><see cref="GrpcWire.FromTrailers"/> and the reflection registry.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public TaxonomyException Reflection() => ReflectionTaxonomy.Default.Promote(GrpcWire.FromTrailers(_trailers));
    }

    /// <summary>
    /// The part of Promote every implementation shares: reading the TOOL_RATE_LIMIT status of
    /// <see cref="PromoteExactReason"/> into a <see cref="ReceivedError"/> (ErrorInfo, metadata view, RetryInfo).
    /// Promote minus this is routing plus constructing the exception.
    /// </summary>
    [BenchmarkCategory("ReceivedError.Read")]
    public class ReadReceivedError : BenchmarkBase
    {
        private Google.Rpc.Status _status = Inputs.ExactReason;

        /// <summary><see cref="ReceivedError.Read"/>, which every implementation's Promote calls first.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.Generated)]
        public ReceivedError Generated() => ReceivedError.Read(_status, ErrorSdkTaxonomy.DomainName);
    }
}
