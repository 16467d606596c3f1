using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ErrorSdk.Http.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ErrorSdk.Http.Tests.Resilience
{
    /// <summary>
    /// A Kestrel server on 127.0.0.1 whose behaviours are scripted per key, and which records every attempt it receives
    /// (arrival time and body), so a test can tell how many requests left and what each carried.
    /// </summary>
    public sealed class ResilienceUpstream : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, List<Attempt>> _attempts = new();
        private KestrelHost? _host;

        /// <summary>The server's base address.</summary>
        public Uri BaseAddress => _host!.BaseAddress;

        /// <summary>A fresh path for <paramref name="behaviour"/>: <c>r/{behaviour}/{unique key}</c>.</summary>
        public string PathFor(string behaviour) => "r/" + behaviour + "/" + Guid.NewGuid().ToString("N");

        /// <summary>The attempts received on <paramref name="path"/>, in arrival order.</summary>
        public IReadOnlyList<Attempt> AttemptsAt(string path)
        {
            var key = path.Substring(path.LastIndexOf('/') + 1);
            if (!_attempts.TryGetValue(key, out var list))
            {
                return Array.Empty<Attempt>();
            }

            lock (list)
            {
                return list.ToArray();
            }
        }

        /// <inheritdoc />
        public async Task InitializeAsync() => _host = await KestrelHost.StartAsync(app =>
            app.Map("/r/{behaviour}/{key}", (string behaviour, string key, HttpContext context) => HandleAsync(behaviour, key, context)));

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }

        private async Task HandleAsync(string behaviour, string key, HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var list = _attempts.GetOrAdd(key, _ => new List<Attempt>());
            int n;
            lock (list)
            {
                list.Add(new Attempt(Stopwatch.GetTimestamp(), body));
                n = list.Count;
            }

            var response = context.Response;
            switch (behaviour)
            {
                case "flaky" when n <= 2:
                case "unavailable":
                    response.StatusCode = 503;
                    return;
                case "missing":
                    response.StatusCode = 404;
                    return;
                case "throttled" when n == 1:
                case "always-throttled":
                    response.StatusCode = 429;
                    response.Headers["Retry-After"] = "1";
                    return;
                case "terminal-problem":
                    response.StatusCode = 503;
                    response.ContentType = "application/problem+json";
                    await response.WriteAsync(
                        "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":503,\"detail\":\"The user cannot be provisioned in the target system.\"," +
                        "\"reason\":\"USER_NOT_PROVISIONABLE\",\"domain\":\"errorsdk.dev\",\"code\":\"FAILED_PRECONDITION\",\"metadata\":{}}");
                    return;
                default:
                    await response.WriteAsync("ok:" + body);
                    return;
            }
        }

        /// <summary>One request the server received.</summary>
        public sealed record Attempt(long Timestamp, string Body);
    }
}
