using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Bench.Retry
{
    /// <summary>A real Kestrel server on 127.0.0.1 (OS-chosen port) playing the scripted upstream behaviours.</summary>
    internal sealed class ScriptedUpstream : IAsyncDisposable
    {
        private const string ProvisioningProblem =
            "{\"type\":\"https://errorsdk.dev/errors/USER_NOT_PROVISIONABLE\",\"title\":\"User not provisionable\",\"status\":400," +
            "\"detail\":\"The user cannot be provisioned in the target system.\",\"reason\":\"USER_NOT_PROVISIONABLE\"," +
            "\"domain\":\"errorsdk.dev\",\"code\":\"FAILED_PRECONDITION\",\"metadata\":{}}";

        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _flaky = new();
        private readonly ConcurrentDictionary<string, long> _throttledUntil = new();
        // Per run: the moment the last Retry-After / rate-limit reset named, and how far from it each later request came.
        private readonly ConcurrentDictionary<string, DateTimeOffset> _namedMoment = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _arrivalsAfterNamed = new();

        private ScriptedUpstream(WebApplication app, Uri baseAddress, Uri closedPort)
        {
            _app = app;
            BaseAddress = baseAddress;
            ClosedPort = closedPort;
        }

        public Uri BaseAddress { get; }

        /// <summary>An address on 127.0.0.1 where nothing listens.</summary>
        public Uri ClosedPort { get; }

        public static async Task<ScriptedUpstream> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var upstream = (ScriptedUpstream?)null;
            app.MapGet("/{scenario}/{run}", (string scenario, string run, HttpContext context) => upstream!.HandleAsync(scenario, run, context));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            upstream = new ScriptedUpstream(app, new Uri(address + "/"), ClosedPortUri());
            return upstream;
        }

        /// <summary>For each request of <paramref name="run"/> that followed a server-named moment: how many ms after it (negative: early).</summary>
        public double[] ArrivalsAfterNamedMoment(string run) =>
            _arrivalsAfterNamed.TryGetValue(run, out var arrivals) ? arrivals.ToArray() : Array.Empty<double>();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(string scenario, string run, HttpContext context)
        {
            var response = context.Response;
            var arrival = DateTimeOffset.UtcNow;
            if (_namedMoment.TryGetValue(run, out var named))
            {
                _arrivalsAfterNamed.GetOrAdd(run, _ => new ConcurrentQueue<double>()).Enqueue((arrival - named).TotalMilliseconds);
            }

            switch (scenario)
            {
                case "ok":
                    await response.WriteAsync("ok");
                    break;
                case "forbidden":
                    response.StatusCode = 403;
                    break;
                case "not-found":
                    response.StatusCode = 404;
                    break;
                case "provisioning":
                    response.StatusCode = 400;
                    response.ContentType = "application/problem+json";
                    await response.WriteAsync(ProvisioningProblem);
                    break;
                case "throttled":
                    if (Throttling(run))
                    {
                        response.StatusCode = 429;
                        response.Headers["Retry-After"] = ((int)BenchSettings.ThrottleWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        // Delta-seconds count from the response; it leaves now.
                        _namedMoment[run] = DateTimeOffset.UtcNow.Add(BenchSettings.ThrottleWindow);
                        break;
                    }

                    await response.WriteAsync("ok");
                    break;
                case "rate-limit-403":
                    // GitHub's primary rate limit: 403, nothing left, and the reset as a Unix time (rounded up).
                    if (Throttling(run))
                    {
                        response.StatusCode = 403;
                        response.Headers["X-RateLimit-Remaining"] = "0";
                        var reset = (DateTimeOffset.UtcNow.Add(BenchSettings.ThrottleWindow).ToUnixTimeMilliseconds() + 999) / 1000;
                        response.Headers["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        _namedMoment[run] = DateTimeOffset.FromUnixTimeSeconds(reset);
                        break;
                    }

                    await response.WriteAsync("ok");
                    break;
                case "brotli":
                    // A body that says brotli and is not: BrotliStream throws "Decoder ran into invalid data."
                    response.Headers.ContentEncoding = "br";
                    await response.Body.WriteAsync(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
                    break;
                case "flaky":
                    if (_flaky.AddOrUpdate(run, 1, (_, n) => n + 1) <= 2)
                    {
                        response.StatusCode = 503;
                        break;
                    }

                    await response.WriteAsync("ok");
                    break;
                case "slow":
                    try
                    {
                        await Task.Delay(BenchSettings.SlowResponse, context.RequestAborted);
                        await response.WriteAsync("late");
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    break;
                default:
                    response.StatusCode = 400;
                    break;
            }
        }

        /// <summary>A rate limiter: the first request opens a window, and every request inside it is rejected again.</summary>
        private bool Throttling(string run)
        {
            long now = Stopwatch.GetTimestamp();
            long until = _throttledUntil.GetOrAdd(run, _ => now + (long)(BenchSettings.ThrottleWindow.TotalSeconds * Stopwatch.Frequency));
            return now < until;
        }

        private static Uri ClosedPortUri()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new Uri("http://127.0.0.1:" + port + "/");
        }
    }
}
