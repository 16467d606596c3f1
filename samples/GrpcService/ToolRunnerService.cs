using System;
using System.Threading;
using System.Threading.Tasks;
using ErrorSdk.Taxonomy;
using Grpc.Core;
using GrpcService.Tools;

namespace GrpcService
{
    /// <summary>A service that fails the way real tool calls fail; it only throws typed errors (and one plain bug).</summary>
    public sealed class ToolRunnerService : ToolRunner.ToolRunnerBase
    {
        private static int s_flakyCalls;

        public override async Task<RunReply> Run(RunRequest request, ServerCallContext context)
        {
            await Task.Delay(10, context.CancellationToken);
            return request.Tool switch
            {
                "github" => throw new ToolRateLimitException(provider: "github", retryAfter: TimeSpan.FromMilliseconds(200)),
                "crm" => throw new UserNotProvisionableException(),
                "flaky" when Interlocked.Increment(ref s_flakyCalls) <= 2 => throw new ServiceUnavailableException(),
                "buggy" => throw new InvalidOperationException("connection string Password=hunter2 rejected"),
                _ => new RunReply { Output = request.Tool + " ran" },
            };
        }

        public override async Task Watch(RunRequest request, IServerStreamWriter<Progress> responseStream, ServerCallContext context)
        {
            await responseStream.WriteAsync(new Progress { Percent = 50 });
            // An error after streamed messages still reaches the client typed (in the trailers).
            throw new ToolRateLimitException(provider: request.Tool, retryAfter: TimeSpan.FromSeconds(30));
        }
    }
}
