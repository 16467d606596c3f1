// A service throws typed errors; each crosses the wire as gRPC trailers; the client promotes it back
// to the same typed exception and decides whether to retry.
// With --otel, the OpenTelemetry SDK exports ErrorSdk's spans and metrics to the console (docs/observability.md).
using System;
using System.Diagnostics;
using System.Linq;
using ErrorSdk;
using ErrorSdk.Taxonomy;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var calls = new ActivitySource("Quickstart");
using var tracing = args.Contains("--otel")
    ? Sdk.CreateTracerProviderBuilder().AddSource("Quickstart").AddErrorSdkInstrumentation().AddConsoleExporter().Build()
    : null;
using var metrics = args.Contains("--otel")
    ? Sdk.CreateMeterProviderBuilder().AddErrorSdkInstrumentation().AddConsoleExporter().Build()
    : null;

TaxonomyException[] thrownByService =
{
    new ToolRateLimitException(provider: "github", retryAfter: TimeSpan.FromSeconds(30)),
    new UpstreamNotFoundException(statusCode: 404, statusPhrase: "Not Found", statusClass: "client",
        endpoint: new Uri("https://bot:hunter2@api.example.com/v1/repos?token=s3cr3t")),
    new UpstreamServerErrorException(statusCode: 503, statusPhrase: "Service Unavailable", statusClass: "server"),
    new UserNotProvisionableException(),
    new UnauthenticatedException(),
};

Console.WriteLine($"{"reason",-24} {"promoted to",-32} {"code",-19} {"decision",-22} message");
foreach (var thrown in thrownByService)
{
    using var call = calls.StartActivity("call " + thrown.Reason); // the span ErrorSdk's attributes land on
    var trailers = GrpcWire.ToTrailers(thrown.ToStatus());                 // server side: status → trailers
    var caught = ErrorSdkTaxonomy.Promote(GrpcWire.FromTrailers(trailers)!); // client side: trailers → typed error

    var decision = caught.Retry switch
    {
        RetryPolicy.Throttled when caught.RetryAfter is { } wait => $"wait {wait.TotalSeconds}s, retry",
        RetryPolicy.Throttled or RetryPolicy.Transient => "back off, retry",
        RetryPolicy.Reauthenticate => "refresh token, retry",
        _ => "give up",
    };
    Console.WriteLine($"{caught.Reason,-24} {caught.GetType().Name,-32} {caught.Code,-19} {decision,-22} {caught.Message}");
}

// One error, several categories: a provider rate limit is a tool error and a too-many-requests error.
Exception wrapped = new AggregateException(new InvalidOperationException("call failed", thrownByService[0]));
if (ErrorChain.Find<ITooManyRequests>(wrapped) is { } limited && limited is IToolError tool)
{
    Console.WriteLine($"caught through the wrap: ITooManyRequests and IToolError from provider '{tool.Provider}'");
}
