using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace ErrorSdk.Bench
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--generator")
            {
                return GeneratorScale.GeneratorScaleRunner.Run(args);
            }

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
            bool failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
            return failed ? 1 : 0;
        }
    }
}
