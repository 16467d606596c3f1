using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ErrorSdk;
using ErrorSdk.Bench.Retry;
using ErrorSdk.Bench.Retry.Clients;

// The retry-amplification benchmark: four clients against the same scripted upstream on 127.0.0.1.
// Usage: dotnet run -c Release --project bench/ErrorSdk.Bench.Retry [-- [--grpc [--dry]] --json PATH]
// --grpc runs the gRPC half instead (Grpc/): three clients against a scripted Grpc.AspNetCore upstream;
// --dry runs a few of its scripts (GrpcScenario.Dry), for the test that keeps it from rotting.
string? jsonPath = null;
bool grpc = false;
bool dry = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--json" && i + 1 < args.Length)
    {
        jsonPath = args[++i];
    }
    else if (args[i] == "--grpc")
    {
        grpc = true;
    }
    else if (args[i] == "--dry")
    {
        dry = true;
    }
    else
    {
        Console.Error.WriteLine("usage: ErrorSdk.Bench.Retry [--grpc [--dry]] [--json PATH]");
        return 2;
    }
}

if (dry && !grpc)
{
    Console.Error.WriteLine("--dry applies to the gRPC half only: ErrorSdk.Bench.Retry --grpc --dry");
    return 2;
}

IErrorTaxonomy taxonomy = ErrorSdk.Taxonomy.ErrorSdkTaxonomy.Instance;
if (grpc)
{
    var grpcResults = await ErrorSdk.Bench.Retry.Grpc.GrpcRetryBench.RunAsync(
        taxonomy, dry ? ErrorSdk.Bench.Retry.Grpc.GrpcScenario.Dry : ErrorSdk.Bench.Retry.Grpc.GrpcScenario.All);
    ResultTable.Print(Console.Out, grpcResults);
    if (jsonPath is not null)
    {
        ResultTable.WriteJson(jsonPath, grpcResults);
        Console.WriteLine("wrote " + jsonPath);
    }

    return 0;
}

await using var upstream = await ScriptedUpstream.StartAsync();
var clients = new Func<IBenchClient>[] { () => new NaiveClient(), () => new StatusListClient(), () => new StandardResilienceClient(), () => new ErrorSdkClient(taxonomy) };
// Warm-up, not recorded: JIT the success path of every client and the error paths of errorsdk's adapter.
foreach (var create in clients)
{
    using var client = create();
    foreach (var path in client.Name == "errorsdk" ? new[] { "ok", "not-found", "provisioning" } : new[] { "ok" })
    {
        await client.GetAsync(new Uri(upstream.BaseAddress, path + "/warmup-" + Guid.NewGuid().ToString("N")), Scenario.All[0]);
    }
}

var results = new List<ScenarioResult>();
foreach (var scenario in Scenario.All)
{
    foreach (var create in clients)
    {
        using var client = create();
        var run = Guid.NewGuid().ToString("N");
        var uri = scenario.Path == "closed" ? new Uri(upstream.ClosedPort, "closed/" + run) : new Uri(upstream.BaseAddress, scenario.Path + "/" + run);
        var clock = Stopwatch.StartNew();
        var outcome = await client.GetAsync(uri, scenario);
        var afterNamed = upstream.ArrivalsAfterNamedMoment(run);
        var early = afterNamed.Where(ms => ms < 0).ToArray();
        results.Add(new ScenarioResult(
            scenario.Name, client.Name, client.RequestsSent, clock.ElapsedMilliseconds, outcome, afterNamed.Length, early.Length, early.Length == 0 ? 0 : -early.Min()));
    }
}

ResultTable.Print(Console.Out, results);
if (jsonPath is not null)
{
    ResultTable.WriteJson(jsonPath, results);
    Console.WriteLine("wrote " + jsonPath);
}

return 0;
