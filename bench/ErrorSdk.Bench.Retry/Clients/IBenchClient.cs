using System;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Clients
{
    /// <summary>A client under test: GETs a URI as the scenario's caller code does, retrying as it sees fit, and returns its outcome in words.</summary>
    internal interface IBenchClient : IDisposable
    {
        string Name { get; }

        /// <summary>Requests that left the client so far (connection attempts included).</summary>
        int RequestsSent { get; }

        Task<string> GetAsync(Uri uri, Scenario scenario);
    }
}
