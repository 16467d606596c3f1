using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>
    /// A status-list policy: retries 429/500/502/503 and transport failures (HttpRequestException, timeouts) 3 times
    /// with exponential backoff, ignoring Retry-After; other statuses fail at once.
    /// </summary>
    internal sealed class StatusListClient : IBenchClient
    {
        private static readonly int[] RetryableStatuses = { 429, 500, 502, 503 };

        private readonly CountingHandler _counter = new();
        private readonly HttpClient _client;

        public StatusListClient()
        {
            _client = new HttpClient(_counter) { Timeout = BenchSettings.ClientTimeout };
        }

        public string Name => "status-list";

        public int RequestsSent => _counter.Count;

        public async Task<string> GetAsync(Uri uri, Scenario scenario)
        {
            for (int attempt = 0; ; attempt++)
            {
                string outcome;
                try
                {
                    using var response = await _client.SendAsync(BenchRequest.Create(uri, scenario));
                    if (scenario.Shape == CallShape.EnsureSuccess)
                    {
                        // The caller's code throws for the status; the policy sees an HttpRequestException.
                        response.EnsureSuccessStatusCode();
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        return "ok";
                    }

                    outcome = "HTTP " + (int)response.StatusCode;
                    if (Array.IndexOf(RetryableStatuses, (int)response.StatusCode) < 0)
                    {
                        return outcome;
                    }
                }
                catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException)
                {
                    outcome = Outcomes.Describe(e);
                }
                catch (Exception e)
                {
                    // Not on its list (a decoding failure, say): given up at once.
                    return Outcomes.Describe(e);
                }

                if (attempt >= BenchSettings.MaxRetries)
                {
                    return outcome;
                }

                await Task.Delay(BenchSettings.BaseDelay * Math.Pow(2, attempt));
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
