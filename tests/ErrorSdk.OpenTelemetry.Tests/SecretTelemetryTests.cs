using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using ErrorSdk.OpenTelemetry.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using ErrorSdk.Tests.Hardening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests
{
    /// <summary>
    /// Every shape of the secrets corpus, put where secrets really are (a developer message, an inner exception, a
    /// sensitive field, a URL's query, an unexpected exception's text, a peer's message and body), through a real Kestrel
    /// server and client: no exported span, event, metric attribute or log (message, attribute or scope) holds one.
    /// </summary>
    [Collection(TelemetryCollection.Name)]
    public sealed class SecretTelemetryTests
    {
        [Fact]
        public async Task No_secret_of_the_corpus_reaches_any_exported_span_metric_or_log()
        {
            using var capture = new TelemetryCapture();
            await using var host = await ErrorServer.StartAsync(capture, app =>
            {
                // Raised by the server: secrets in every local-only place of a typed error.
                app.MapGet("/typed/{i:int}", (int i) => ThrowTyped(SecretCorpus.Shapes[i].Text));
                // Raised by the server: an unexpected exception whose text is a secret.
                app.MapGet("/raw/{i:int}", (int i) => ThrowRaw(SecretCorpus.Shapes[i].Text));
                // A peer that echoes a secret in its problem details and one that puts it in a plain error body.
                app.MapGet("/echo/{i:int}", (int i) => Results.Problem(
                    detail: SecretCorpus.Shapes[i].Text,
                    statusCode: 429,
                    extensions: new System.Collections.Generic.Dictionary<string, object?> { ["reason"] = "TOO_MANY_REQUESTS", ["domain"] = ErrorSdkTaxonomy.DomainName }));
                app.MapGet("/body/{i:int}", (int i) => Results.Text(SecretCorpus.Shapes[i].Text, "text/plain", statusCode: 500));
            });
            using var client = ErrorServer.Client(host);

            using (TelemetryCapture.TestSource.StartActivity("call upstream"))
            {
                for (int i = 0; i < SecretCorpus.Shapes.Count; i++)
                {
                    foreach (var path in new[] { "typed/", "raw/", "echo/", "body/" })
                    {
                        await ErrorServer.ErrorOf(client, new HttpRequestMessage(HttpMethod.Get, path + i));
                    }
                }
            }

            int requests = SecretCorpus.Shapes.Count * 4;
            await WaitForServerSpans(capture, requests);
            Assert.Equal(requests, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.Direction, "received")));
            Assert.Equal(SecretCorpus.Shapes.Count * 2, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.Direction, "raised")));
            Assert.NotEmpty(capture.Logs);

            var exported = capture.ExportedText().ToList();

            // The scan sees what carries text: an exception event per error at each end, and the handler's log scopes.
            Assert.Equal(requests + SecretCorpus.Shapes.Count * 2, exported.Count(t => t.StartsWith(ErrorTelemetryNames.ExceptionMessage + "=", StringComparison.Ordinal)));
            Assert.Contains(exported, t => t.StartsWith("ErrorMessage=", StringComparison.Ordinal));
            foreach (var shape in SecretCorpus.Shapes)
            {
                foreach (var secret in shape.Secrets)
                {
                    Assert.DoesNotContain(exported, text => text.Contains(secret, StringComparison.Ordinal));
                }
            }
        }

        private static string ThrowRaw(string secret) => throw new InvalidOperationException(secret);

        private static string ThrowTyped(string secret) => throw new UpstreamServerErrorException(
            statusCode: 502,
            statusPhrase: "Bad Gateway",
            statusClass: "server",
            endpoint: new Uri("https://api.example.com/v1/items?q=" + Uri.EscapeDataString(secret) + "#" + Uri.EscapeDataString(secret)),
            rawBody: secret,
            developerMessage: secret,
            innerException: new InvalidOperationException(secret));

        private static async Task WaitForServerSpans(TelemetryCapture capture, int count)
        {
            for (int i = 0; i < 200 && capture.Spans.Count(s => s.Kind == System.Diagnostics.ActivityKind.Server) < count; i++)
            {
                await Task.Delay(25);
            }

            Assert.Equal(count, capture.Spans.Count(s => s.Kind == System.Diagnostics.ActivityKind.Server));
        }
    }
}
