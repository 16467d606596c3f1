using System;
using System.Collections.Generic;

namespace ErrorSdk
{
    /// <summary>Finds typed detail through wrapping: <see cref="Exception.InnerException"/> and <see cref="AggregateException"/>.</summary>
    public static class ErrorChain
    {
        private const int MaxVisited = 1024;

        // Steps of the allocation-free walk down a chain in which every exception wraps at most one other.
        private const int LinearSteps = 16;

        /// <summary>
        /// The first exception that is a <typeparamref name="T"/> (a class or a marker interface such as
        /// <c>ITooManyRequests</c>), searching <paramref name="exception"/> itself, then its inner exceptions
        /// breadth-first. Null when there is none. Cycles and very deep chains are bounded.
        /// </summary>
        public static T? Find<T>(Exception? exception)
            where T : class
        {
            if (exception is null)
            {
                return null;
            }

            // Most chains are a line (each exception wraps one other, an aggregate of one included): walk it without
            // allocating. Branching, a cycle or a long chain leaves the answer to the breadth-first search below, which
            // visits the same line first, so the result is the same.
            var current = exception;
            for (int step = 0; step < LinearSteps; step++)
            {
                if (current is T found)
                {
                    return found;
                }

                Exception? next;
                if (current is AggregateException aggregate)
                {
                    var inners = aggregate.InnerExceptions;
                    if (inners.Count != 1)
                    {
                        break;
                    }

                    next = inners[0];
                }
                else
                {
                    next = current.InnerException;
                }

                if (next is null)
                {
                    return null;
                }

                current = next;
            }

            return FindBreadthFirst<T>(exception);
        }

        private static T? FindBreadthFirst<T>(Exception exception)
            where T : class
        {
            if (exception is T direct)
            {
                return direct;
            }

            var queue = new Queue<Exception>();
            var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
            queue.Enqueue(exception);
            seen.Add(exception);
            while (queue.Count > 0 && seen.Count <= MaxVisited)
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

        private sealed class ReferenceEqualityComparer : IEqualityComparer<Exception>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(Exception? x, Exception? y) => ReferenceEquals(x, y);

            public int GetHashCode(Exception obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
