using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ErrorSdk.Http.Tests.Infrastructure
{
    /// <summary>A Kestrel server that plays scripted upstream behaviours, shared by one test class.</summary>
    public sealed class UpstreamFixture : IAsyncLifetime
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Counts = new();

        private KestrelHost? _host;

        /// <summary>How many requests the server received for a scripted key.</summary>
        public int RequestsFor(string key) => Counts.TryGetValue(key, out int count) ? count : 0;

        /// <summary>The server's base address.</summary>
        public Uri BaseAddress => _host!.BaseAddress;

        /// <summary>The taxonomy the tests classify with.</summary>
        public IErrorTaxonomy Taxonomy => TestTaxonomies.Default;

        /// <summary>An absolute URI on the server.</summary>
        public Uri At(string pathAndQuery) => new(BaseAddress, pathAndQuery);

        /// <summary>An <see cref="HttpClient"/> whose chain is TaxonomyHttpHandler → SocketsHttpHandler.</summary>
        public HttpClient TypedClient(Action<SocketsHttpHandler>? configure = null, TaxonomyHttpHandlerOptions? options = null)
        {
            var sockets = new SocketsHttpHandler();
            configure?.Invoke(sockets);
            return new HttpClient(new TaxonomyHttpHandler(Taxonomy, sockets, options));
        }

        /// <summary>A plain <see cref="HttpClient"/> (no ErrorSdk handler).</summary>
        public HttpClient PlainClient(Action<SocketsHttpHandler>? configure = null)
        {
            var sockets = new SocketsHttpHandler();
            configure?.Invoke(sockets);
            return new HttpClient(sockets);
        }

        /// <inheritdoc />
        public async Task InitializeAsync() => _host = await KestrelHost.StartAsync(Map);

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }

        private static void Map(WebApplication app)
        {
            app.MapGet("/ok", () => "ok");
            app.MapGet("/status/{code:int}", async (int code, HttpContext context) =>
            {
                context.Response.StatusCode = code;
                var query = context.Request.Query;
                if (query.TryGetValue("retryAfter", out var retryAfter))
                {
                    context.Response.Headers["Retry-After"] = retryAfter.ToString();
                }

                if (query.TryGetValue("xreset", out var reset))
                {
                    context.Response.Headers["X-RateLimit-Reset"] = reset.ToString();
                }

                if (query.TryGetValue("xremaining", out var remaining))
                {
                    context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString();
                }

                if (query.TryGetValue("remaining", out var ietfRemaining))
                {
                    context.Response.Headers["RateLimit-Remaining"] = ietfRemaining.ToString();
                }

                if (query.TryGetValue("date", out var date))
                {
                    context.Response.Headers["Date"] = date.ToString();
                }

                if (query.TryGetValue("body", out var body))
                {
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync(body.ToString());
                }
            });
            app.MapGet("/problem/{which}", async (string which, HttpContext context) =>
            {
                var (status, json) = Problems.Get(which);
                context.Response.StatusCode = status;
                context.Response.ContentType = ProblemJson.MediaType;
                await context.Response.WriteAsync(json);
            });
            // Scripted sequences, counted per key: 503 twice then 200; 429 (Retry-After: 1) once then 200; 403 with
            // Retry-After: 1 (a GitHub secondary rate limit) once then 200; 404 always.
            app.MapGet("/script/{behaviour}/{key}", (string behaviour, string key, HttpContext context) =>
            {
                int n = Counts.AddOrUpdate(key, 1, (_, c) => c + 1);
                switch (behaviour)
                {
                    case "flaky" when n <= 2:
                        context.Response.StatusCode = 503;
                        break;
                    case "throttled" when n == 1:
                        context.Response.StatusCode = 429;
                        context.Response.Headers["Retry-After"] = "1";
                        break;
                    case "forbidden-throttled" when n == 1:
                        context.Response.StatusCode = 403;
                        context.Response.Headers["Retry-After"] = "1";
                        break;
                    case "missing":
                        context.Response.StatusCode = 404;
                        break;
                }
            });
            app.MapGet("/redirect-loop", (HttpContext context) =>
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/redirect-loop";
            });
            app.MapGet("/slow", async (HttpContext context) =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
            });
            app.MapGet("/abort", (HttpContext context) => context.Abort());
            app.MapGet("/gzip-garbage", async (HttpContext context) =>
            {
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 8, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            });
            app.MapGet("/brotli-garbage", async (HttpContext context) =>
            {
                context.Response.Headers.ContentEncoding = "br";
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
            });
            app.MapGet("/unknown-charset", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/plain; charset=x-unheard-of-9";
                await context.Response.WriteAsync("hello");
            });
            app.MapGet("/big-body", () => new string('b', 64 * 1024));
            app.MapPost("/echo", async (HttpContext context) =>
            {
                using var reader = new System.IO.StreamReader(context.Request.Body);
                await context.Response.WriteAsync(await reader.ReadToEndAsync());
            });
            app.MapGet("/big-header", (HttpContext context) =>
            {
                context.Response.Headers["X-Big"] = new string('a', 64 * 1024);
                return "big";
            });
        }

        /// <summary>The problem documents the server serves.</summary>
        public static class Problems
        {
            public static (int Status, string Json) Get(string which) => which switch
            {
                "provisioning" => (400, """
                    {"type":"https://errorsdk.dev/errors/USER_NOT_PROVISIONABLE","title":"User not provisionable","status":400,
                     "detail":"The user cannot be provisioned in the target system.","reason":"USER_NOT_PROVISIONABLE",
                     "domain":"errorsdk.dev","code":"FAILED_PRECONDITION","metadata":{"userId":"u-42","note":"100% {literal}"}}
                    """),
                "future" => (400, """
                    {"type":"about:blank","title":"Future","status":400,"detail":"A reason this client does not know yet.",
                     "reason":"SOME_FUTURE_REASON","domain":"errorsdk.dev","code":"FAILED_PRECONDITION","metadata":{}}
                    """),
                "throttled" => (429, """
                    {"type":"about:blank","title":"Too many requests","status":429,"detail":"Too many requests.",
                     "reason":"TOO_MANY_REQUESTS","domain":"errorsdk.dev","code":"RESOURCE_EXHAUSTED","metadata":{},"retryAfter":2.5}
                    """),
                "foreign" => (400, """
                    {"type":"about:blank","title":"Bad","status":400,"detail":"token=hunter2 was rejected","reason":"BAD_THING","domain":"other.example"}
                    """),
                _ => (400, "{ this is not json"),
            };
        }
    }

    /// <summary>The taxonomies the tests use.</summary>
    public static class TestTaxonomies
    {
        /// <summary>The repository's default taxonomy, as the generator compiles it.</summary>
        public static IErrorTaxonomy Default => ErrorSdk.Taxonomy.ErrorSdkTaxonomy.Instance;

        /// <summary>A taxonomy with fallbacks but no <c>match</c> rules, for the fallback routes.</summary>
        public static IErrorTaxonomy FallbackOnly { get; } = JsonTaxonomy.Parse("""
            {"domain":"fallback.example","kinds":{
              "UNKNOWN":{"number":1,"description":"d","code":"UNKNOWN","retry":"never","message":"Unknown.","fallback_for":["UNKNOWN"]},
              "UNAVAILABLE":{"number":2,"description":"d","code":"UNAVAILABLE","retry":"transient","message":"Unavailable ({statusCode}).",
                "fields":{"statusCode":{"type":"int"}},"fallback_for":["UNAVAILABLE"]}
            }}
            """);

        /// <summary>Today's time as an HTTP-date, shifted.</summary>
        public static string HttpDate(DateTimeOffset moment) => moment.ToString("r", CultureInfo.InvariantCulture);
    }
}
