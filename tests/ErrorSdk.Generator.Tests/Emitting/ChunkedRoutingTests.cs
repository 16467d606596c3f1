using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Generator.Tests.Pipeline;
using ErrorSdk.Testing;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>Past 64 kinds the kind switches are split into chunks: every kind must still route and build.</summary>
    public sealed class ChunkedRoutingTests
    {
        /// <param name="numberStride">1: dense numbers, so KindOf is a number-indexed table; 1,000,003: sparse numbers
        /// (up to ~180 million), so KindOf keeps the binary search and no huge table is emitted.</param>
        [Theory]
        [InlineData(1)]
        [InlineData(1_000_003)]
        public void EveryKind_RoutesAndParses_AcrossChunks(int numberStride)
        {
            var run = GeneratorHarness.Run(CompilationTests.LargeTaxonomy(roots: 60, childrenPerRoot: 2, numberStride), "/src/large.taxonomy.json");
            CompilationTests.AssertCompilesCleanly(run);
            var tables = run.Sources["Large.Errors.LargeTaxonomy.g.cs"];
            Assert.Contains("PromoteKind2(index, received)", tables, StringComparison.Ordinal);
            Assert.Equal(numberStride == 1, tables.Contains("KindIndexByNumber[number]", StringComparison.Ordinal));
            Assert.True(tables.Length < 200_000, "the tables file is " + tables.Length + " characters");

            using var loaded = GeneratorHarness.Load(run.Output);
            var taxonomy = (IErrorTaxonomy)loaded.Type("Large.Errors.LargeTaxonomy").GetProperty("Instance")!.GetValue(null)!;
            var reasonType = loaded.Type("Large.Errors.LargeReason");
            Assert.Equal(180, taxonomy.Kinds.Count);
            foreach (var kind in taxonomy.Kinds)
            {
                var fields = kind.Fields.ToDictionary(f => f.Name, f => f.Type == FieldType.Bool ? "true" : f.Type == FieldType.Int ? "7" : "v", StringComparer.Ordinal);
                var local = taxonomy.Create(kind.Reason, fields);
                Assert.NotNull(local);
                Assert.Same(kind, local!.Kind);

                var promoted = taxonomy.Promote(local.ToStatus());
                Assert.Equal(local.GetType(), promoted.GetType());
                Assert.Equal(local.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal), promoted.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal));

                var reason = Enum.ToObject(reasonType, kind.Number);
                Assert.Same(kind, loaded.InvokeStatic("Large.Errors.LargeTaxonomy", "KindOf", reason));
                var parse = new object?[] { kind.Reason, null };
                Assert.True((bool)loaded.Type("Large.Errors.LargeTaxonomy").GetMethod("TryParseReason")!.Invoke(null, parse)!);
                Assert.Equal(reason, parse[1]);

                if (kind.Parents.Count > 0)
                {
                    // Each child has the alias (LEGACY_<reason>, FAILED_PRECONDITION).
                    var status = SampleSdkFixture.StatusWith(9, "LEGACY_" + kind.Reason, domain: "large.example");
                    Assert.Equal(local.GetType(), taxonomy.Promote(status).GetType());
                    Assert.IsType<UnclassifiedException>(taxonomy.Promote(SampleSdkFixture.StatusWith(10, "LEGACY_" + kind.Reason, domain: "large.example")));
                }
            }

            Assert.Null(taxonomy.Create("NOT_A_KIND", new Dictionary<string, string>()));
            var taken = taxonomy.Kinds.Select(k => k.Number).ToHashSet();
            foreach (var outsider in new[] { 0, -1, 2, int.MinValue, int.MaxValue, taxonomy.Kinds[^1].Number + 1 }.Where(n => !taken.Contains(n)))
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => loaded.InvokeStatic("Large.Errors.LargeTaxonomy", "KindOf", Enum.ToObject(reasonType, outsider)));
            }
        }
    }
}
