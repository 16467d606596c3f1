// One `dotnet run`: a Grpc.AspNetCore service that throws typed errors behind TaxonomyServerInterceptor, and a
// Grpc.Net.Client behind TaxonomyClientInterceptor that catches them as the same typed exceptions, retries with
// ErrorSdk.Polly where the kind says so, and never sees a raw exception text.
using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ErrorSdk;
using ErrorSdk.Grpc;
using ErrorSdk.Polly;
using ErrorSdk.Taxonomy;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using GrpcService;
using GrpcService.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

// Server: one line registers the interceptor.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc(o => o.Interceptors.Add<TaxonomyServerInterceptor>(ErrorSdkTaxonomy.Instance));
var app = builder.Build();
app.MapGrpcService<ToolRunnerService>();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

// Client: one line adds the interceptor; the retry pipeline follows each kind's policy.
using var channel = GrpcChannel.ForAddress(address);
var client = new ToolRunner.ToolRunnerClient(channel.Intercept(new TaxonomyClientInterceptor(ErrorSdkTaxonomy.Instance)));
var retry = new ResiliencePipelineBuilder()
    .AddTaxonomyRetry(new TaxonomyRetryOptions { Taxonomy = ErrorSdkTaxonomy.Instance, BaseDelay = TimeSpan.FromMilliseconds(50) })
    .Build();

foreach (var tool in new[] { "github", "crm", "flaky", "buggy", "search" })
{
    int attempts = 0;
    try
    {
        var reply = await retry.ExecuteAsync(async token => { attempts++; return await client.RunAsync(new RunRequest { Tool = tool }, cancellationToken: token); });
        Console.WriteLine($"{tool,-7} ok after {attempts} call(s): {reply.Output}");
    }
    catch (ToolRateLimitException e)
    {
        Console.WriteLine($"{tool,-7} {e.GetType().Name} after {attempts} call(s): provider={e.Provider}, waited {e.RetryAfter?.TotalMilliseconds} ms between calls");
    }
    catch (TaxonomyException e)
    {
        Console.WriteLine($"{tool,-7} {e.GetType().Name} after {attempts} call(s): {e.Code}, retry {e.Retry}, \"{e.Message}\"");
    }
}

using (var watch = client.Watch(new RunRequest { Tool = "github" }))
{
    try
    {
        while (await watch.ResponseStream.MoveNext(default))
        {
            Console.WriteLine($"watch   progress {watch.ResponseStream.Current.Percent}%");
        }
    }
    catch (ToolRateLimitException e)
    {
        Console.WriteLine($"watch   {e.GetType().Name} after streaming: retry after {e.RetryAfter?.TotalSeconds} s (the RpcException is e.InnerException: {e.InnerException?.GetType().Name})");
    }
}

await app.StopAsync();
