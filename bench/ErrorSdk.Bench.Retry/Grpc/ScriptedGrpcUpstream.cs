using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ErrorSdk.Bench.Retry.Grpc.Protos;
using ErrorSdk.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorSdk.Bench.Retry.Grpc
{
    /// <summary>
    /// A Grpc.AspNetCore server on Kestrel (127.0.0.1, OS-chosen port, HTTP/2 cleartext) playing the gRPC scripts. Its
    /// handler throws typed errors; <see cref="TaxonomyServerInterceptor"/> turns them into statuses with every detail.
    /// </summary>
    internal sealed class ScriptedGrpcUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ScriptedGrpcUpstream(WebApplication app, Uri address, GrpcScriptState state)
        {
            _app = app;
            Address = address;
            State = state;
        }

        public Uri Address { get; }

        public GrpcScriptState State { get; }

        public static async Task<ScriptedGrpcUpstream> StartAsync(IErrorTaxonomy taxonomy)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            var state = new GrpcScriptState(taxonomy);
            builder.Services.AddSingleton(state);
            builder.Services.AddGrpc(o => o.Interceptors.Add<TaxonomyServerInterceptor>(taxonomy));
            var app = builder.Build();
            app.MapGrpcService<ScriptedGrpcService>();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ScriptedGrpcUpstream(app, new Uri(address), state);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The service: each call is one attempt of a run, answered by its script.</summary>
    internal sealed class ScriptedGrpcService : BenchUpstream.BenchUpstreamBase
    {
        private readonly GrpcScriptState _state;

        public ScriptedGrpcService(GrpcScriptState state) => _state = state;

        public override async Task<BenchReply> Call(BenchCall request, ServerCallContext context)
        {
            await Task.Yield();
            var error = _state.Answer(request.Script, request.Run, context.RequestHeaders.GetValue("authorization"));
            if (error is not null)
            {
                throw error;
            }

            return new BenchReply { Text = "ok" };
        }
    }

    /// <summary>Per run: attempts, the rate limiter's window, and how far from the moment a RetryInfo named each later attempt came.</summary>
    internal sealed class GrpcScriptState
    {
        private readonly IErrorTaxonomy _taxonomy;
        private readonly ConcurrentDictionary<string, int> _attempts = new();
        private readonly ConcurrentDictionary<string, long> _throttledUntil = new();
        private readonly ConcurrentDictionary<string, DateTimeOffset> _namedMoment = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _arrivalsAfterNamed = new();

        public GrpcScriptState(IErrorTaxonomy taxonomy) => _taxonomy = taxonomy;

        /// <summary>Calls that reached the handler for <paramref name="run"/>.</summary>
        public int Attempts(string run) => _attempts.TryGetValue(run, out var n) ? n : 0;

        /// <summary>For each attempt of <paramref name="run"/> that followed a RetryInfo: how many ms after the moment it named (negative: early).</summary>
        public double[] ArrivalsAfterNamedMoment(string run) =>
            _arrivalsAfterNamed.TryGetValue(run, out var arrivals) ? arrivals.ToArray() : Array.Empty<double>();

        /// <summary>The typed error this attempt gets, or null for success.</summary>
        public TaxonomyException? Answer(string script, string run, string? authorization)
        {
            var arrival = DateTimeOffset.UtcNow;
            int attempt = _attempts.AddOrUpdate(run, 1, (_, n) => n + 1);
            if (_namedMoment.TryGetValue(run, out var named))
            {
                _arrivalsAfterNamed.GetOrAdd(run, _ => new ConcurrentQueue<double>()).Enqueue((arrival - named).TotalMilliseconds);
            }

            switch (script)
            {
                case "ok":
                    return null;
                case "not-provisionable":
                    return Create("USER_NOT_PROVISIONABLE");
                case "tool-error":
                    // The connector incident: a provider's terminal failure whose code is UNKNOWN.
                    return Create("TOOL_ERROR", new Dictionary<string, string> { ["provider"] = "crm", ["toolErrorCode"] = "ACCOUNT_DISABLED" });
                case "runtime-fatal":
                    return Create("TOOL_RUNTIME_FATAL");
                case "tool-rate-limit":
                    return Throttled(run, "TOOL_RATE_LIMIT");
                case "too-many-requests":
                    return Throttled(run, "TOO_MANY_REQUESTS");
                case "unavailable-twice":
                    return attempt <= 2 ? Create("SERVICE_UNAVAILABLE") : null;
                case "expired-token":
                    return authorization == GrpcScenario.FreshToken ? null : Create("UNAUTHENTICATED");
                default:
                    return Create("INVALID_ARGUMENT", new Dictionary<string, string> { ["field"] = "script", ["violation"] = "unknown script" });
            }
        }

        /// <summary>A rate limiter: the first attempt opens a window; every attempt inside it is told, in RetryInfo, when it ends.</summary>
        private TaxonomyException? Throttled(string run, string reason)
        {
            long now = Stopwatch.GetTimestamp();
            long until = _throttledUntil.GetOrAdd(run, _ => now + (long)(BenchSettings.ThrottleWindow.TotalSeconds * Stopwatch.Frequency));
            if (now >= until)
            {
                return null;
            }

            var remaining = TimeSpan.FromSeconds((until - now) / (double)Stopwatch.Frequency);
            // RetryInfo carries milliseconds; round up so a client that waits exactly the delay is never early.
            var delay = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
            _namedMoment[run] = DateTimeOffset.UtcNow.Add(delay);
            return Create(reason, null, delay);
        }

        private TaxonomyException Create(string reason, IReadOnlyDictionary<string, string>? fields = null, TimeSpan? retryAfter = null) =>
            _taxonomy.Create(reason, fields ?? new Dictionary<string, string>(), new TaxonomyExceptionOptions(retryAfter: retryAfter))
            ?? throw new InvalidOperationException("the taxonomy has no concrete kind " + reason);
    }
}
