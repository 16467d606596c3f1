using System;
using System.Threading.Tasks;
using ErrorSdk.Bench.Retry.Clients;
using ErrorSdk.Bench.Retry.Grpc.Protos;
using ErrorSdk.Grpc;
using ErrorSdk.Polly;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Polly;

namespace ErrorSdk.Bench.Retry.Grpc
{
    /// <summary>A gRPC client under test: makes one logical call as its caller code does, retrying as it sees fit, and returns its outcome in words.</summary>
    internal interface IGrpcBenchClient : IDisposable
    {
        string Name { get; }

        Task<string> CallAsync(GrpcScenario scenario, string run);
    }

    /// <summary>Shared by the clients: every call carries a bearer token in its metadata, and outcomes are described alike.</summary>
    internal static class GrpcBenchCall
    {
        public static AsyncUnaryCall<BenchReply> Send(BenchUpstream.BenchUpstreamClient client, GrpcScenario scenario, string run, string token, System.Threading.CancellationToken cancellation = default) =>
            client.CallAsync(
                new BenchCall { Script = scenario.Script, Run = run },
                new Metadata { { "authorization", token } },
                cancellationToken: cancellation);

        public static string Describe(Exception exception) => exception switch
        {
            TaxonomyException typed => Outcomes.Describe(typed),
            RpcException rpc => "RpcException " + rpc.StatusCode,
            _ => exception.GetType().Name,
        };
    }

    /// <summary>What SDKs did before: every <see cref="RpcException"/> is retried, 3 times, after a fixed 200 ms.</summary>
    internal sealed class NaiveGrpcClient : IGrpcBenchClient
    {
        private readonly GrpcChannel _channel;
        private readonly BenchUpstream.BenchUpstreamClient _client;

        public NaiveGrpcClient(Uri address)
        {
            _channel = GrpcChannel.ForAddress(address);
            _client = new BenchUpstream.BenchUpstreamClient(_channel);
        }

        public string Name => "naive";

        public async Task<string> CallAsync(GrpcScenario scenario, string run)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    await GrpcBenchCall.Send(_client, scenario, run, GrpcScenario.StaleToken);
                    return "ok";
                }
                catch (RpcException) when (attempt < BenchSettings.MaxRetries)
                {
                    await Task.Delay(BenchSettings.BaseDelay);
                }
                catch (RpcException e)
                {
                    return GrpcBenchCall.Describe(e);
                }
            }
        }

        public void Dispose() => _channel.Dispose();
    }

    /// <summary>
    /// grpc-dotnet's own retry: a service config whose retry policy lists the codes a team would list. It retries inside
    /// the channel with randomized exponential backoff and knows nothing of RetryInfo (it honours only grpc-retry-pushback-ms).
    /// </summary>
    internal sealed class ServiceConfigGrpcClient : IGrpcBenchClient
    {
        private readonly GrpcChannel _channel;
        private readonly BenchUpstream.BenchUpstreamClient _client;

        public ServiceConfigGrpcClient(Uri address)
        {
            var retry = new global::Grpc.Net.Client.Configuration.RetryPolicy
            {
                MaxAttempts = BenchSettings.MaxRetries + 2,
                InitialBackoff = BenchSettings.BaseDelay,
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable, StatusCode.ResourceExhausted, StatusCode.Unknown, StatusCode.Internal },
            };
            var config = new ServiceConfig { MethodConfigs = { new MethodConfig { Names = { MethodName.Default }, RetryPolicy = retry } } };
            _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { ServiceConfig = config });
            _client = new BenchUpstream.BenchUpstreamClient(_channel);
        }

        public string Name => "grpc-service-config";

        public async Task<string> CallAsync(GrpcScenario scenario, string run)
        {
            try
            {
                await GrpcBenchCall.Send(_client, scenario, run, GrpcScenario.StaleToken);
                return "ok";
            }
            catch (RpcException e)
            {
                return GrpcBenchCall.Describe(e);
            }
        }

        public void Dispose() => _channel.Dispose();
    }

    /// <summary>
    /// <see cref="TaxonomyClientInterceptor"/> + <c>AddTaxonomyRetry</c>: the kind's policy decides, throttled kinds wait the
    /// RetryInfo delay, a reauthenticate kind refreshes the token once.
    /// </summary>
    internal sealed class ErrorSdkGrpcClient : IGrpcBenchClient
    {
        private readonly GrpcChannel _channel;
        private readonly BenchUpstream.BenchUpstreamClient _client;
        private readonly ResiliencePipeline _pipeline;
        private string _token = GrpcScenario.StaleToken;

        public ErrorSdkGrpcClient(Uri address, IErrorTaxonomy taxonomy)
        {
            _channel = GrpcChannel.ForAddress(address);
            _client = new BenchUpstream.BenchUpstreamClient(_channel.Intercept(new TaxonomyClientInterceptor(taxonomy)));
            _pipeline = new ResiliencePipelineBuilder()
                .AddTaxonomyRetry(new TaxonomyRetryOptions
                {
                    Taxonomy = taxonomy,
                    MaxRetryAttempts = BenchSettings.MaxRetries,
                    BaseDelay = BenchSettings.BaseDelay,
                    RefreshCredentials = _ =>
                    {
                        _token = GrpcScenario.FreshToken;
                        return default;
                    },
                })
                .Build();
        }

        public string Name => "errorsdk";

        public async Task<string> CallAsync(GrpcScenario scenario, string run)
        {
            try
            {
                await _pipeline.ExecuteAsync(async token => await GrpcBenchCall.Send(_client, scenario, run, _token, token));
                return "ok";
            }
            catch (TaxonomyException e)
            {
                return GrpcBenchCall.Describe(e);
            }
        }

        public void Dispose() => _channel.Dispose();
    }
}
