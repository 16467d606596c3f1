using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>
    /// What .NET 8+ teams pick: an IHttpClientFactory client with <c>AddStandardResilienceHandler()</c> at its defaults
    /// (3 retries, exponential backoff from 2 s with jitter, Retry-After honoured, 429/408/5xx and HttpRequestException
    /// handled), except its attempt timeout, set to the 500 ms every client uses. The caller checks the status with
    /// EnsureSuccessStatusCode.
    /// </summary>
    internal sealed class StandardResilienceClient : IBenchClient
    {
        private readonly CountingHandler _counter = new();
        private readonly ServiceProvider _services;
        private readonly HttpClient _client;

        public StandardResilienceClient()
        {
            var services = new ServiceCollection();
            services.AddHttpClient("standard")
                .ConfigurePrimaryHttpMessageHandler(() => _counter)
                .AddStandardResilienceHandler(o => o.AttemptTimeout.Timeout = BenchSettings.ClientTimeout);
            _services = services.BuildServiceProvider();
            _client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("standard");
        }

        public string Name => "standard-resilience";

        public int RequestsSent => _counter.Count;

        public async Task<string> GetAsync(Uri uri, Scenario scenario)
        {
            try
            {
                using var response = await _client.SendAsync(BenchRequest.Create(uri, scenario));
                response.EnsureSuccessStatusCode();
                return "ok";
            }
            catch (Exception e)
            {
                return Outcomes.Describe(e);
            }
        }

        public void Dispose()
        {
            _client.Dispose();
            _services.Dispose();
        }
    }
}
