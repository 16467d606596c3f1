using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>Small generator combinators the taxonomy and value generators share.</summary>
    internal static class Gens
    {
        /// <summary>
        /// The size of an unsized list: FsCheck's sized lists (the generators' first home) were 0 to "size" long with
        /// the size growing from 1 to 100 over a run (its Config.Quick), so drawing the size uniformly from 1–100 and
        /// then the length from 0 to it keeps their distribution of lengths. CsCheck's own <c>gen.List</c> is 0–127
        /// uniformly, which would make the long tails (texts, byte blobs, URI paths) longer than they were.
        /// </summary>
        private static readonly Gen<int> UnsizedLength = Gen.Int[1, 100].SelectMany(size => Gen.Int[0, size]);

        /// <summary>A list of 0 to up to 100 elements, short ones more often (see <see cref="UnsizedLength"/>).</summary>
        public static Gen<List<T>> SizedList<T>(Gen<T> gen) => UnsizedLength.SelectMany(length => gen.List[length]);

        /// <summary>An array of 0 to up to 100 elements, short ones more often (see <see cref="UnsizedLength"/>).</summary>
        public static Gen<T[]> SizedArray<T>(Gen<T> gen) => UnsizedLength.SelectMany(length => gen.Array[length]);

        /// <summary>A list of 1 to up to 100 elements, as FsCheck's non-empty sized list (1 to its size).</summary>
        public static Gen<List<T>> NonEmptySizedList<T>(Gen<T> gen) =>
            Gen.Int[1, 100].SelectMany(size => Gen.Int[1, size]).SelectMany(length => gen.List[length]);

        /// <summary>One value per item, in the items' order, each from the item's own generator.</summary>
        public static Gen<TValue[]> Each<TItem, TValue>(IEnumerable<TItem> items, Func<TItem, Gen<TValue>> gen)
        {
            var all = Gen.Const(Array.Empty<TValue>());
            foreach (var item in items)
            {
                var next = gen(item);
                all = from values in all
                      from value in next
                      select values.Append(value).ToArray();
            }

            return all;
        }

        /// <summary>True with the given percent chance.</summary>
        public static Gen<bool> Chance(int percent) => Gen.Int[1, 100].Select(x => x <= percent);

        /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct elements of <paramref name="items"/>, in random order.</summary>
        public static Gen<IReadOnlyList<T>> Subset<T>(IReadOnlyList<T> items, int min, int max)
        {
            if (items.Count == 0)
            {
                return Gen.Const<IReadOnlyList<T>>(Array.Empty<T>());
            }

            return from shuffled in Gen.Shuffle(items.ToArray())
                   from count in Gen.Int[Math.Min(min, items.Count), Math.Min(max, items.Count)]
                   select (IReadOnlyList<T>)shuffled.Take(count).ToArray();
        }

        /// <summary>A 64-bit integer over the whole range, with the extremes and small values often.</summary>
        public static Gen<long> Int64() =>
            Gen.Frequency(
                (6, from hi in Gen.Int[int.MinValue, int.MaxValue]
                    from lo in Gen.Int[int.MinValue, int.MaxValue]
                    select ((long)hi << 32) | (uint)lo),
                (3, Gen.Int[-100_000, 100_000].Select(x => (long)x)),
                (1, Gen.OneOf(long.MinValue, long.MaxValue, 0L, -1L, 1L)));

        /// <summary>A 32-bit integer over the whole range, with the extremes and small values often.</summary>
        public static Gen<int> Int32() =>
            Gen.Frequency(
                (5, Gen.Int[int.MinValue, int.MaxValue]),
                (4, Gen.Int[-1000, 1000]),
                (1, Gen.OneOf(int.MinValue, int.MaxValue, 0, -1, 1)));

        /// <summary>Applies <paramref name="step"/> <paramref name="count"/> times, threading the state through.</summary>
        public static Gen<TState> Fold<TState>(TState seed, int count, Func<TState, int, Gen<TState>> step)
        {
            var gen = Gen.Const(seed);
            for (int i = 0; i < count; i++)
            {
                int index = i;
                gen = gen.SelectMany(state => step(state, index));
            }

            return gen;
        }

        /// <summary>The generator of <paramref name="gen"/> or a constant null, with <paramref name="percent"/> chance of a value.</summary>
        public static Gen<T?> Sometimes<T>(int percent, Gen<T> gen)
            where T : class =>
            Chance(percent).SelectMany(yes => yes ? gen.Select(v => (T?)v) : Gen.Const(default(T?)));
    }
}
