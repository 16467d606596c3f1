using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ErrorSdk.Diagnostics;
using ErrorSdk.OpenTelemetry.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests
{
    /// <summary>
    /// One typed error over a real Kestrel call, seen from both ends: the server span and the raised counter, the client
    /// span and the received counter, the handler's log. Each direction is counted once per error.
    /// </summary>
    [Collection(TelemetryCollection.Name)]
    public sealed class RaisedAndReceivedTests
    {
        [Fact]
        public async Task A_problem_details_error_is_raised_by_the_server_and_received_by_the_client()
        {
            using var capture = new TelemetryCapture();
            await using var host = await ErrorServer.StartAsync(capture, app =>
                app.MapGet("/limited", (Func<string>)(() => throw new ToolRateLimitException(provider: "github", retryAfter: TimeSpan.FromSeconds(30)))));
            using var client = ErrorServer.Client(host);

            TaxonomyException error;
            using (var call = TelemetryCapture.TestSource.StartActivity("call upstream"))
            {
                error = await ErrorServer.ErrorOf(client, new HttpRequestMessage(HttpMethod.Get, "limited"));
                Assert.IsType<ToolRateLimitException>(error);
                AssertErrorSpan(call!, "TOOL_RATE_LIMIT", "received", error.OutwardMessage);
            }

            var server = await ErrorServer.ServerSpanAsync(capture, "TOOL_RATE_LIMIT");
            AssertErrorSpan(server, "TOOL_RATE_LIMIT", "raised", new ToolRateLimitException(provider: "github").Message);
            Assert.Equal(429, Convert.ToInt32(server.GetTagItem(ErrorTelemetryNames.HttpResponseStatusCode)));

            var tags = new (string, object)[]
            {
                (ErrorTelemetryNames.ErrorType, "TOOL_RATE_LIMIT"),
                (ErrorTelemetryNames.ErrorCode, "RESOURCE_EXHAUSTED"),
                (ErrorTelemetryNames.RetryPolicy, "throttled"),
            };
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, tags.Append((ErrorTelemetryNames.Direction, "raised")).ToArray()));
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, tags.Append((ErrorTelemetryNames.Direction, "received")).ToArray()));
            Assert.Equal(2, capture.Count(ErrorTelemetryNames.ErrorsCounter));

            var log = Assert.Single(capture.Logs, l => l.EventId.Name == "TypedErrorAnswered");
            Assert.Equal(LogLevel.Information, log.LogLevel);
            Assert.Equal("Answered TOOL_RATE_LIMIT (RESOURCE_EXHAUSTED) as HTTP status 429.", log.FormattedMessage);
            Assert.Contains("ErrorReason=TOOL_RATE_LIMIT", capture.ExportedText());
        }

        [Fact]
        public async Task A_grpc_error_sets_the_grpc_status_code_and_an_unexpected_exception_is_the_internal_kind()
        {
            using var capture = new TelemetryCapture();
            await using var host = await ErrorServer.StartAsync(
                capture,
                app =>
                {
                    app.MapPost("/acme.Tools/Run", (Func<string>)(() => throw new UnauthenticatedException()));
                    app.MapPost("/acme.Tools/Crash", (Func<string>)(() => throw new InvalidOperationException("boom")));
                },
                HttpProtocols.Http2);
            using var client = ErrorServer.Client(host, HttpProtocols.Http2);

            var received = await ErrorServer.ErrorOf(client, GrpcRequest("acme.Tools/Run"));
            Assert.IsType<UnauthenticatedException>(received);
            var internalError = await ErrorServer.ErrorOf(client, GrpcRequest("acme.Tools/Crash"));
            Assert.Equal("INTERNAL", internalError.Reason);

            var server = await ErrorServer.ServerSpanAsync(capture, "UNAUTHENTICATED");
            AssertErrorSpan(server, "UNAUTHENTICATED", "raised", new UnauthenticatedException().Message);
            Assert.Equal(16, server.GetTagItem(ErrorTelemetryNames.GrpcStatusCode));
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UNAUTHENTICATED"), (ErrorTelemetryNames.Direction, "raised"), (ErrorTelemetryNames.RetryPolicy, "reauthenticate")));
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "UNAUTHENTICATED"), (ErrorTelemetryNames.Direction, "received")));
            Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "INTERNAL"), (ErrorTelemetryNames.Direction, "raised")));

            var crash = Assert.Single(capture.Logs, l => l.EventId.Name == "UnexpectedExceptionAnswered");
            Assert.Equal(LogLevel.Error, crash.LogLevel);
            Assert.Equal("An unexpected System.InvalidOperationException was answered as INTERNAL (INTERNAL); its text is kept only in the developer message.", crash.FormattedMessage);
            Assert.DoesNotContain(capture.ExportedText(), text => text.Contains("boom", StringComparison.Ordinal));
        }

        [Fact]
        public void Promote_records_received_once_and_nothing_is_recorded_without_a_listener()
        {
            var status = new ToolRateLimitException(provider: "github").ToStatus();
            Assert.False(ErrorTelemetry.IsEnabled);

            using (var capture = new TelemetryCapture())
            {
                Assert.True(ErrorTelemetry.IsEnabled);
                var promoted = ErrorSdkTaxonomy.Promote(status);
                ErrorTelemetry.RecordReceived(promoted, ErrorTransport.Grpc);
                Assert.Equal(1, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.ErrorType, "TOOL_RATE_LIMIT"), (ErrorTelemetryNames.Direction, "received")));
                Assert.Equal(0, capture.Count(ErrorTelemetryNames.ErrorsCounter, (ErrorTelemetryNames.Direction, "raised")));
            }

            Assert.False(ErrorTelemetry.IsEnabled);
        }

        private static HttpRequestMessage GrpcRequest(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(new byte[5]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TryAddWithoutValidation("te", "trailers");
            return request;
        }

        private static void AssertErrorSpan(Activity span, string errorType, string direction, string message)
        {
            Assert.Equal(errorType, span.GetTagItem(ErrorTelemetryNames.ErrorType));
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            var e = Assert.Single(span.Events, x => x.Name == "exception" && Equals(x.Tags.FirstOrDefault(t => t.Key == ErrorTelemetryNames.Direction).Value, direction));
            var tags = e.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(message, tags[ErrorTelemetryNames.ExceptionMessage]);
            Assert.Equal(errorType, tags[ErrorTelemetryNames.ErrorType]);
            Assert.StartsWith("ErrorSdk.Taxonomy.", (string)tags[ErrorTelemetryNames.ExceptionType]!, StringComparison.Ordinal);
            Assert.DoesNotContain("exception.stacktrace", tags.Keys);
        }
    }
}
