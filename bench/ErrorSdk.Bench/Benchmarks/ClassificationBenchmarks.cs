using BenchmarkDotNet.Attributes;
using ErrorSdk.Bench.Baselines;
using ErrorSdk.Taxonomy;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>The retry policy of a kind (TOOL_RATE_LIMIT): the generated table takes the enum, the baselines the reason string.</summary>
    [BenchmarkCategory("RetryOf")]
    public class RetryOf : BenchmarkBase
    {
        private ErrorSdkReason _reason = ErrorSdkReason.ToolRateLimit;
        private string _reasonText = "TOOL_RATE_LIMIT";

        /// <summary>A switch over reason strings.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public RetryPolicy HandWritten() => HandWrittenTaxonomy.RetryOf(_reasonText);

        /// <summary><c>ErrorSdkTaxonomy.RetryOf</c>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public RetryPolicy Generated() => ErrorSdkTaxonomy.RetryOf(_reason);

        /// <summary>The registry's dictionary of KindInfo.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public RetryPolicy Reflection() => ReflectionTaxonomy.Default.RetryOf(_reasonText);
    }

    /// <summary>The gRPC code of a kind (TOOL_RATE_LIMIT).</summary>
    [BenchmarkCategory("CodeOf")]
    public class CodeOf : BenchmarkBase
    {
        private ErrorSdkReason _reason = ErrorSdkReason.ToolRateLimit;
        private string _reasonText = "TOOL_RATE_LIMIT";

        /// <summary>A switch over reason strings.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public Google.Rpc.Code HandWritten() => HandWrittenTaxonomy.CodeOf(_reasonText);

        /// <summary><c>ErrorSdkTaxonomy.CodeOf</c>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public Google.Rpc.Code Generated() => ErrorSdkTaxonomy.CodeOf(_reason);

        /// <summary>The registry's dictionary of KindInfo.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public Google.Rpc.Code Reflection() => ReflectionTaxonomy.Default.CodeOf(_reasonText);
    }

    /// <summary>Whether a caught error may be retried (a promoted ToolRateLimitException).</summary>
    [BenchmarkCategory("IsRetryable")]
    public class IsRetryable : BenchmarkBase
    {
        private TaxonomyException _error = ErrorSdkTaxonomy.Promote(Inputs.ExactReason);

        /// <summary>The reason-string switch on <see cref="TaxonomyException.Reason"/>.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public bool HandWritten() => HandWrittenTaxonomy.IsRetryable(_error);

        /// <summary><see cref="TaxonomyException.IsRetryable"/>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public bool Generated() => _error.IsRetryable;

        /// <summary>The registry's dictionary of KindInfo.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public bool Reflection() => ReflectionTaxonomy.Default.IsRetryable(_error);
    }
}
