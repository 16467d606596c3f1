using System;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Http;
using ErrorSdk.Polly;
using Polly;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>HttpClient + TaxonomyHttpHandler + AddTaxonomyRetry: the taxonomy decides what is retried and how long to wait.</summary>
    internal sealed class ErrorSdkClient : IBenchClient
    {
        private readonly CountingHandler _counter = new();
        private readonly HttpClient _client;
        private readonly HttpClient _plainClient;
        private readonly ResiliencePipeline _pipeline;
        private readonly IErrorTaxonomy _taxonomy;

        public ErrorSdkClient(IErrorTaxonomy taxonomy)
        {
            _taxonomy = taxonomy;
            _client = new HttpClient(new TaxonomyHttpHandler(taxonomy, _counter), disposeHandler: false) { Timeout = BenchSettings.ClientTimeout };
            // Code that checks statuses itself (EnsureSuccessStatusCode): the retry classifies what it throws.
            _plainClient = new HttpClient(_counter, disposeHandler: false) { Timeout = BenchSettings.ClientTimeout };
            _pipeline = new ResiliencePipelineBuilder()
                .AddTaxonomyRetry(new TaxonomyRetryOptions
                {
                    Taxonomy = taxonomy,
                    MaxRetryAttempts = BenchSettings.MaxRetries,
                    BaseDelay = BenchSettings.BaseDelay,
                })
                .Build();
        }

        public string Name => "errorsdk";

        public int RequestsSent => _counter.Count;

        public async Task<string> GetAsync(Uri uri, Scenario scenario)
        {
            try
            {
                await _pipeline.ExecuteAsync(async token =>
                {
                    if (scenario.Shape == CallShape.EnsureSuccess)
                    {
                        using var checkedResponse = await _plainClient.SendAsync(BenchRequest.Create(uri, scenario), token);
                        checkedResponse.EnsureSuccessStatusCode();
                        return;
                    }

                    using var response = await _client.SendAsync(BenchRequest.Create(uri, scenario), token);
                });
                return "ok";
            }
            catch (Exception e)
            {
                // What the caller's code sees when it classifies the failure (a client timeout arrives as TaskCanceledException).
                return Outcomes.Describe(HttpErrors.FromException(_taxonomy, e, null) ?? e);
            }
        }

        public void Dispose()
        {
            _client.Dispose();
            _plainClient.Dispose();
            _counter.Dispose();
        }
    }
}
