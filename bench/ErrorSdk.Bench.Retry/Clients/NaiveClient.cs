using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>What SDKs did before: any exception (error statuses included, via EnsureSuccessStatusCode) is retried 3 times with exponential backoff.</summary>
    internal sealed class NaiveClient : IBenchClient
    {
        private readonly CountingHandler _counter = new();
        private readonly HttpClient _client;

        public NaiveClient()
        {
            _client = new HttpClient(_counter) { Timeout = BenchSettings.ClientTimeout };
        }

        public string Name => "naive";

        public int RequestsSent => _counter.Count;

        public async Task<string> GetAsync(Uri uri, Scenario scenario)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await _client.SendAsync(BenchRequest.Create(uri, scenario));
                    response.EnsureSuccessStatusCode();
                    return "ok";
                }
                catch (Exception e) when (attempt < BenchSettings.MaxRetries)
                {
                    _ = e;
                    await Task.Delay(BenchSettings.BaseDelay * Math.Pow(2, attempt));
                }
                catch (Exception e)
                {
                    return Outcomes.Describe(e);
                }
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
