using System;
using System.Collections.Generic;
using System.Reflection;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// ErrorChain.Find walks a linear chain without allocating before it falls back to its breadth-first search:
    /// for random chains, aggregates (empty, single, several, repeated members), cycles and chains longer than the
    /// linear walk and than the visit bound, it must find what the breadth-first search alone found.
    /// </summary>
    public class ErrorChainEquivalenceTests
    {
        private static readonly System.Reflection.FieldInfo InnerField =
            typeof(Exception).GetField("_innerException", BindingFlags.Instance | BindingFlags.NonPublic)!;

        private interface IWanted
        {
        }

        [Fact]
        public void Find_matches_the_breadth_first_search_on_random_exception_graphs()
        {
            var random = new Random(3);
            for (int i = 0; i < 5_000; i++)
            {
                var root = Build(random, out var all);
                if (all.Count > 1 && random.Next(4) == 0)
                {
                    // A cycle, as deserialization or reflection can make one.
                    var from = all[random.Next(all.Count)];
                    if (from is not AggregateException)
                    {
                        InnerField.SetValue(from, all[random.Next(all.Count)]);
                    }
                }

                Assert.Same(Reference<IWanted>(root), ErrorChain.Find<IWanted>(root));
                Assert.Same(Reference<Wanted>(root), ErrorChain.Find<Wanted>(root));
                Assert.Same(Reference<ArgumentException>(root), ErrorChain.Find<ArgumentException>(root));
            }
        }

        [Theory]
        [InlineData(15)]
        [InlineData(16)]
        [InlineData(17)]
        [InlineData(1023)]
        [InlineData(1024)]
        [InlineData(1025)]
        [InlineData(3000)]
        public void Long_chains_are_bounded_as_before(int depth)
        {
            Exception chain = new Wanted();
            for (int i = 0; i < depth; i++)
            {
                chain = i % 5 == 0 ? new AggregateException(chain) : new Exception("wrap", chain);
            }

            Assert.Same(Reference<Wanted>(chain), ErrorChain.Find<Wanted>(chain));
        }

        private static Exception Build(Random random, out List<Exception> all)
        {
            all = new List<Exception>();
            return Build(random, all, random.Next(1, 30));
        }

        private static Exception Build(Random random, List<Exception> all, int budget)
        {
            Exception built;
            if (budget <= 1 || random.Next(6) == 0)
            {
                built = random.Next(5) switch
                {
                    0 => new Wanted(),
                    1 => new ArgumentException("leaf"),
                    2 when all.Count > 0 => all[random.Next(all.Count)],
                    _ => new Exception("leaf"),
                };
            }
            else if (random.Next(4) == 0)
            {
                var inners = new List<Exception>();
                int count = random.Next(4);
                for (int i = 0; i < count; i++)
                {
                    inners.Add(random.Next(5) == 0 && inners.Count > 0 ? inners[0] : Build(random, all, budget / Math.Max(1, count)));
                }

                built = new AggregateException(inners);
            }
            else
            {
                var inner = Build(random, all, budget - 1);
                built = random.Next(4) switch
                {
                    0 => new Wanted(inner),
                    1 => new ArgumentException("wrap", inner),
                    _ => new InvalidOperationException("wrap", inner),
                };
            }

            all.Add(built);
            return built;
        }

        /// <summary>ErrorChain.Find as it was: breadth-first from the start, every visit recorded.</summary>
        private static T? Reference<T>(Exception? exception)
            where T : class
        {
            if (exception is null)
            {
                return null;
            }

            if (exception is T direct)
            {
                return direct;
            }

            var queue = new Queue<Exception>();
            var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
            queue.Enqueue(exception);
            seen.Add(exception);
            while (queue.Count > 0 && seen.Count <= 1024)
            {
                var current = queue.Dequeue();
                if (current is T found)
                {
                    return found;
                }

                if (current is AggregateException aggregate)
                {
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        if (inner is not null && seen.Add(inner))
                        {
                            queue.Enqueue(inner);
                        }
                    }
                }
                else if (current.InnerException is { } inner && seen.Add(inner))
                {
                    queue.Enqueue(inner);
                }
            }

            return null;
        }

        private sealed class Wanted : Exception, IWanted
        {
            public Wanted(Exception? inner = null)
                : base("wanted", inner)
            {
            }
        }
    }
}
