using BenchmarkDotNet.Running;

namespace ErrorSdk.Bench.Grpc
{
    /// <summary>
    /// The gRPC hot paths (BenchmarkDotNet arguments, e.g. <c>--filter * --job short --inProcess</c>):
    /// <see cref="PromoteRpcExceptionBenchmarks"/> and <see cref="InterceptorOverheadBenchmarks"/>.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            foreach (var summary in summaries)
            {
                if (summary.HasCriticalValidationErrors || summary.Reports.Length != summary.BenchmarksCases.Length)
                {
                    return 1;
                }
            }

            return 0;
        }
    }
}
