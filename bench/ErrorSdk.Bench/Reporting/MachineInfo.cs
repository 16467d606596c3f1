using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ErrorSdk.Bench.Reporting
{
    /// <summary>The machine a run happened on: CPU model, logical cores, OS and .NET runtime.</summary>
    internal static class MachineInfo
    {
        public static IReadOnlyDictionary<string, string> Describe() => new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cpu"] = CpuModel(),
            ["logical_cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["load_average"] = LoadAverage(),
        };

        // Other processes on the machine: the 1, 5 and 15 minute load averages when the run ended.
        private static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private static string CpuModel()
        {
            try
            {
                var line = File.Exists("/proc/cpuinfo")
                    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    : null;
                return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
        }
    }
}
