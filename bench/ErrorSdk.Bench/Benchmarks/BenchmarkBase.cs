using BenchmarkDotNet.Attributes;

namespace ErrorSdk.Bench.Benchmarks
{
    /// <summary>
    /// What every benchmark class shares: allocations measured, the baseline's ratio, and the category column.
    /// Each class is one operation; its hand-written method is the baseline, so ratios come out per operation.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [MedianColumn]
    public abstract class BenchmarkBase
    {
    }
}
