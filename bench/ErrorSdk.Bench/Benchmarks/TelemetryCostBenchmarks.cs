using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ErrorSdk.Diagnostics;
using ErrorSdk.Http;
using ErrorSdk.Taxonomy;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// The cost of ErrorSdk's telemetry (issue 14): <c>Promote</c> and the HTTP handler with no listener on the
    /// <c>ErrorSdk</c> ActivitySource and Meter (the baseline of each category) and with the OpenTelemetry SDK subscribed
    /// through <c>AddErrorSdkInstrumentation()</c> (traces and metrics, in-memory metric reader, no export). Both run
    /// inside a recorded span of the caller's own source, as in a traced service: with the listener the span gets
    /// <c>error.type</c> and an exception event, and the counter is incremented. <c>Guard</c> is the whole cost ErrorSdk
    /// adds with no listener: the <see cref="ErrorTelemetry.IsEnabled"/> check.
    /// </summary>
    /// <remarks>
    /// Not a <see cref="BenchmarkBase"/>: its ratio is listener on/off, not generated/hand-written, so the hot-path
    /// summary and CPU runner leave it out. The HTTP handler's inner handler answers a canned 503 in memory, so the row
    /// is the handler's own work (adapter, body read, classification), not the network's.
    /// </remarks>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [MedianColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class TelemetryCost
    {
        private const string PromoteCategory = "Telemetry.Promote";
        private const string HandlerCategory = "Telemetry.HttpHandler";
        private const string CallSourceName = "ErrorSdk.Bench.Calls";
        private static readonly ActivitySource CallSource = new ActivitySource(CallSourceName);

        private readonly Google.Rpc.Status _status = Inputs.ExactReason;
        private readonly Uri _endpoint = new Uri("http://upstream.test/v1/items");
        private readonly List<Metric> _metrics = new List<Metric>();
        private ActivityListener? _callListener;
        private TracerProvider? _tracerProvider;
        private MeterProvider? _meterProvider;
        private HttpClient? _client;

        /// <summary>No listener on ErrorSdk's source and meter.</summary>
        [GlobalSetup(Targets = new[] { nameof(PromoteNoListener), nameof(HttpHandlerNoListener), nameof(Guard) })]
        public void SetupNoListener() => Setup(listening: false);

        /// <summary>The OpenTelemetry SDK subscribed with <c>AddErrorSdkInstrumentation()</c>.</summary>
        [GlobalSetup(Targets = new[] { nameof(PromoteListener), nameof(HttpHandlerListener) })]
        public void SetupListener() => Setup(listening: true);

        /// <summary>Disposes the client and every listener, so an in-process run leaves no state behind.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            _client?.Dispose();
            _tracerProvider?.Dispose();
            _meterProvider?.Dispose();
            _callListener?.Dispose();
            _tracerProvider = null;
            _meterProvider = null;
        }

        /// <summary>Promote with no listener.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(PromoteCategory)]
        public TaxonomyException PromoteNoListener() => PromoteInSpan();

        /// <summary>Promote with the OpenTelemetry SDK listening.</summary>
        [Benchmark]
        [BenchmarkCategory(PromoteCategory)]
        public TaxonomyException PromoteListener() => PromoteInSpan();

        /// <summary>The HTTP handler turning a 503 into a typed error, with no listener.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory(HandlerCategory)]
        public Task<TaxonomyException> HttpHandlerNoListener() => HandlerInSpan();

        /// <summary>The HTTP handler turning a 503 into a typed error, with the OpenTelemetry SDK listening.</summary>
        [Benchmark]
        [BenchmarkCategory(HandlerCategory)]
        public Task<TaxonomyException> HttpHandlerListener() => HandlerInSpan();

        /// <summary>What ErrorSdk adds to each of the above with no listener: the enabled check.</summary>
        [Benchmark]
        [BenchmarkCategory("Telemetry.Guard")]
        public bool Guard() => ErrorTelemetry.IsEnabled;

        private void Setup(bool listening)
        {
            _callListener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CallSourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_callListener);
            if (listening)
            {
                _tracerProvider = Sdk.CreateTracerProviderBuilder().AddErrorSdkInstrumentation().Build();
                _meterProvider = Sdk.CreateMeterProviderBuilder().AddErrorSdkInstrumentation().AddInMemoryExporter(_metrics).Build();
            }

            if (ErrorTelemetry.IsEnabled != listening)
            {
                throw new InvalidOperationException("ErrorSdk telemetry is " + (listening ? "off" : "on") + " where it must be " + (listening ? "on" : "off") + ".");
            }

            _client = new HttpClient(new TaxonomyHttpHandler(ErrorSdkTaxonomy.Instance, new CannedResponseHandler()));
        }

        private TaxonomyException PromoteInSpan()
        {
            using var call = CallSource.StartActivity("call");
            return ErrorSdkTaxonomy.Promote(_status);
        }

        private async Task<TaxonomyException> HandlerInSpan()
        {
            using var call = CallSource.StartActivity("call");
            try
            {
                using var response = await _client!.GetAsync(_endpoint).ConfigureAwait(false);
                throw new InvalidOperationException("The handler did not throw for a 503.");
            }
            catch (TaxonomyException error)
            {
                return error;
            }
        }

        /// <summary>Answers every request with a 503 and a short body, in memory.</summary>
        private sealed class CannedResponseHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    RequestMessage = request,
                    Content = new StringContent("upstream is down"),
                });
        }
    }
}
