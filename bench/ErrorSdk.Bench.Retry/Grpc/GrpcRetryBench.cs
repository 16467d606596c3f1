using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace ErrorSdk.Bench.Retry.Grpc
{
    /// <summary>The gRPC half: three clients against the same scripted Grpc.AspNetCore upstream, one logical call per scenario.</summary>
    internal static class GrpcRetryBench
    {
        public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(IErrorTaxonomy taxonomy, IReadOnlyList<GrpcScenario> scenarios)
        {
            await using var upstream = await ScriptedGrpcUpstream.StartAsync(taxonomy);
            var clients = new Func<IGrpcBenchClient>[]
            {
                () => new NaiveGrpcClient(upstream.Address),
                () => new ServiceConfigGrpcClient(upstream.Address),
                () => new ErrorSdkGrpcClient(upstream.Address, taxonomy),
            };

            // Warm-up, not recorded: JIT each client's success path, and the error and retry paths of every one of them.
            var warmup = new[] { new GrpcScenario("warm-up", "ok", "ok"), new GrpcScenario("warm-up", "unavailable-twice", "transient") };
            foreach (var create in clients)
            {
                using var client = create();
                foreach (var scenario in warmup)
                {
                    await client.CallAsync(scenario, "warmup-" + Guid.NewGuid().ToString("N"));
                }
            }

            var results = new List<ScenarioResult>();
            foreach (var scenario in scenarios)
            {
                foreach (var create in clients)
                {
                    using var client = create();
                    var run = Guid.NewGuid().ToString("N");
                    var clock = Stopwatch.StartNew();
                    var outcome = await client.CallAsync(scenario, run);
                    long wall = clock.ElapsedMilliseconds;
                    var afterNamed = upstream.State.ArrivalsAfterNamedMoment(run);
                    var early = afterNamed.Where(ms => ms < 0).ToArray();
                    results.Add(new ScenarioResult(
                        scenario.Name, client.Name, upstream.State.Attempts(run), wall, outcome, afterNamed.Length, early.Length, early.Length == 0 ? 0 : -early.Min()));
                }
            }

            return results;
        }
    }
}
