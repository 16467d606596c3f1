using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ErrorSdk.Bench.Baselines;
using ErrorSdk.Taxonomy;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// Raise a ToolRateLimitException and build its wire status (code, message, ErrorInfo with two metadata
    /// entries, RetryInfo). The exception is created inside the measurement with the same public constructor in all
    /// three, because a server serializes each exception once and the SDK caches the metadata view per instance.
    /// </summary>
    [BenchmarkCategory("ToStatus")]
    public class ToStatus : BenchmarkBase
    {
        private string _provider = "github";

        /// <summary>The hand-written type switch into CommonProtos messages.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public Google.Rpc.Status HandWritten() => HandWrittenTaxonomy.ToStatus(Raise());

        /// <summary><see cref="TaxonomyException.ToStatus()"/>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public Google.Rpc.Status Generated() => Raise().ToStatus();

        /// <summary>Field values read by reflection.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public Google.Rpc.Status Reflection() => ReflectionTaxonomy.Default.ToStatus(Raise());

        private ToolRateLimitException Raise() => new ToolRateLimitException(_provider, "secondary_rate_limit", TimeSpan.FromSeconds(1.5));
    }

    /// <summary>
    /// The gRPC trailers of a typical status (the TOOL_RATE_LIMIT one). There is no reflection variant: nothing
    /// in it looks a type up.
    /// </summary>
    [BenchmarkCategory("ToTrailers")]
    public class ToTrailers : BenchmarkBase
    {
        private Google.Rpc.Status _status = Inputs.ExactReason;

        /// <summary>The hand-written trailer writer.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public IReadOnlyList<KeyValuePair<string, string>> HandWritten() => HandWrittenTaxonomy.ToTrailers(_status);

        /// <summary><see cref="GrpcWire.ToTrailers"/>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public IReadOnlyList<KeyValuePair<string, string>> Generated() => GrpcWire.ToTrailers(_status);
    }

    /// <summary>Find the ITooManyRequests through a three-deep wrap (exception → AggregateException → exception → the error).</summary>
    [BenchmarkCategory("ErrorChain.Find")]
    public class ErrorChainFind : BenchmarkBase
    {
        private Exception _wrapped = Inputs.NewWrappedRateLimit();
        private Type _wanted = typeof(ITooManyRequests);

        /// <summary>The hand-written loop.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(Implementations.HandWritten)]
        public object? HandWritten() => HandWrittenTaxonomy.Find<ITooManyRequests>(_wrapped);

        /// <summary><see cref="ErrorChain.Find{T}"/>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Generated)]
        public object? Generated() => ErrorChain.Find<ITooManyRequests>(_wrapped);

        /// <summary>The same loop testing with <see cref="Type.IsInstanceOfType"/>.</summary>
        [Benchmark]
        [BenchmarkCategory(Implementations.Reflection)]
        public object? Reflection() => ReflectionTaxonomy.Find(_wrapped, _wanted);
    }
}
