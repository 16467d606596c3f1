using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ErrorSdk.Wire;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>
    /// Model-based (CsCheck <c>SampleModelBased</c>): random sequences of <see cref="MetadataMap.Builder.Set"/> against a
    /// plain oracle, an ordered list searched linearly. The builder switches from a linear scan to a dictionary index at
    /// <see cref="MetadataMap.IndexThreshold"/> keys and grows its array by doubling, so the sequences cross both
    /// (CsCheck draws 0–127 operations a sequence, over 27 keys, values replaced often). After every sequence the builder and the map it builds answer
    /// like the oracle: count, key order (first-set order), values (last set wins), lookups of present and absent keys.
    /// A failing sequence is shrunk to the shortest one that still fails and printed with its seed
    /// (<c>CsCheck_Seed=…</c> replays it).
    /// </summary>
    public sealed class MetadataMapModelTests
    {
        /// <summary>Sequences checked (microseconds each).</summary>
        public const int Sequences = 500;

        private static readonly string[] Keys = Enumerable.Range(0, 24).Select(i => "k" + i).Append(string.Empty).Append("K0").Append("k0 ").ToArray();

        /// <summary>The builder under test, boxed so operations mutate one instance.</summary>
        internal sealed class Actual
        {
            public MetadataMap.Builder Builder;

            public override string ToString() => "builder of " + Builder.Count + " keys";
        }

        [Fact]
        public void Builder_and_map_answer_like_an_ordered_list_across_the_index_threshold()
        {
            var key = Gen.Frequency((3, Gen.OneOf(Keys.Take(10).ToArray())), (2, Gen.OneOf(Keys)));
            var value = Gen.Frequency((3, Gen.OneOf("v", "w", string.Empty, "é😀")), (1, Gen.String));
            var set = Gen.Select(key, value).Operation<Actual, List<KeyValuePair<string, string>>>(
                kv => "Set(\"" + kv.Item1 + "\", \"" + kv.Item2 + "\")",
                (actual, kv) => actual.Builder.Set(kv.Item1, kv.Item2),
                (model, kv) => Set(model, kv.Item1, kv.Item2));

            Gen.Const(() => (new Actual(), new List<KeyValuePair<string, string>>()))
                .SampleModelBased(
                    set,
                    equal: Same,
                    iter: Sequences,
                    threads: 1,
                    printModel: model => "[" + string.Join(", ", model.Select(e => e.Key + "=" + e.Value)) + "]");
        }

        /// <summary>The oracle: a new key goes last, a known key keeps its place and takes the new value.</summary>
        private static void Set(List<KeyValuePair<string, string>> model, string key, string value)
        {
            int at = model.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));
            if (at >= 0)
            {
                model[at] = new KeyValuePair<string, string>(key, value);
            }
            else
            {
                model.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        private static bool Same(Actual actual, List<KeyValuePair<string, string>> model)
        {
            if (actual.Builder.Count != model.Count || Keys.Any(k => actual.Builder.ContainsKey(k) != model.Any(e => e.Key == k)))
            {
                return false;
            }

            var map = actual.Builder.ToMap();
            if (map.Count != model.Count || !map.SequenceEqual(model) || !map.Keys.SequenceEqual(model.Select(e => e.Key)) || !map.Values.SequenceEqual(model.Select(e => e.Value)))
            {
                return false;
            }

            foreach (var k in Keys)
            {
                int at = model.FindIndex(e => e.Key == k);
                bool found = map.TryGetValue(k, out var v);
                if (found != at >= 0 || map.ContainsKey(k) != at >= 0 || (found && v != model[at].Value) || (found && map[k] != v))
                {
                    return false;
                }

                if (!found && !Throws<KeyNotFoundException>(() => _ = map[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Throws<T>(Action action)
            where T : Exception
        {
            try
            {
                action();
                return false;
            }
            catch (T)
            {
                return true;
            }
        }
    }
}
