using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace ErrorSdk.Properties.Tests.Generation
{
    /// <summary>Small generator combinators the taxonomy and value generators share.</summary>
    internal static class Gens
    {
        /// <summary>True with the given percent chance.</summary>
        public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(x => x <= percent);

        /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct elements of <paramref name="items"/>, in random order.</summary>
        public static Gen<IReadOnlyList<T>> Subset<T>(IReadOnlyList<T> items, int min, int max)
        {
            if (items.Count == 0)
            {
                return Gen.Constant<IReadOnlyList<T>>(Array.Empty<T>());
            }

            return from shuffled in Gen.Shuffle(items.ToArray())
                   from count in Gen.Choose(Math.Min(min, items.Count), Math.Min(max, items.Count))
                   select (IReadOnlyList<T>)shuffled.Take(count).ToArray();
        }

        /// <summary>A 64-bit integer over the whole range, with the extremes and small values often.</summary>
        public static Gen<long> Int64() =>
            Gen.Frequency(
                (6, from hi in Gen.Choose(int.MinValue, int.MaxValue)
                    from lo in Gen.Choose(int.MinValue, int.MaxValue)
                    select ((long)hi << 32) | (uint)lo),
                (3, Gen.Choose(-100_000, 100_000).Select(x => (long)x)),
                (1, Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L, 1L)));

        /// <summary>A 32-bit integer over the whole range, with the extremes and small values often.</summary>
        public static Gen<int> Int32() =>
            Gen.Frequency(
                (5, Gen.Choose(int.MinValue, int.MaxValue)),
                (4, Gen.Choose(-1000, 1000)),
                (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1, 1)));

        /// <summary>Applies <paramref name="step"/> <paramref name="count"/> times, threading the state through.</summary>
        public static Gen<TState> Fold<TState>(TState seed, int count, Func<TState, int, Gen<TState>> step)
        {
            var gen = Gen.Constant(seed);
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
            Chance(percent).SelectMany(yes => yes ? gen.Select(v => (T?)v) : Gen.Constant<T?>(null));
    }
}
