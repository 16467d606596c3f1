using BenchmarkDotNet.Running;

namespace ErrorSdk.Bench.Grpc
{
    /// <summary>
    /// The gRPC hot paths (BenchmarkDotNet arguments, e.g. <c>--filter * --job short --inProcess</c>):
    /// <see cref="PromoteRpcExceptionBenchmarks"/> and <see cref="InterceptorOverheadBenchmarks"/>; <c>--cpu</c> compares
    /// the same by CPU time (<see cref="CpuTimeMode"/>).
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--cpu")
            {
                return CpuTimeMode.RunAsync().GetAwaiter().GetResult();
            }

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
