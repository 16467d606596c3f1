namespace ErrorSdk.Bench.Reporting
{
    /// <summary>One measured benchmark: the operation, the implementation, and what it cost per operation.</summary>
    internal sealed record BenchmarkResult(string Name, string Impl, double MeanNs, double MedianNs, long AllocatedBytes);

    /// <summary>One generator scale point.</summary>
    internal sealed record GeneratorResult(int Kinds, double Ms, long Bytes, double? GeneratorMs, double? CpuMs, double? CachedMs, bool? AllCached, double? DriverFloorMs);

    /// <summary>One benchmark measured by thread CPU time (<c>--cpu</c>).</summary>
    internal sealed record CpuResult(string Name, string Impl, double CpuNs, long AllocatedBytes);
}
