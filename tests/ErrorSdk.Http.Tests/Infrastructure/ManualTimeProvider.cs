using System;
using System.Collections.Generic;
using System.Threading;

namespace ErrorSdk.Http.Tests.Infrastructure
{
    /// <summary>
    /// TEST-ONLY fake clock: every timer fires at once (on the thread pool) and moves the clock forward by its due
    /// time, so code that waits through a <see cref="TimeProvider"/> never sleeps. <see cref="Delays"/> records every
    /// wait that was asked for, in order.
    /// </summary>
    public sealed class ManualTimeProvider : TimeProvider
    {
        private readonly object _gate = new();
        private readonly List<TimeSpan> _delays = new();
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>Every positive timer due time requested so far.</summary>
        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_gate)
                {
                    return _delays.ToArray();
                }
            }
        }

        /// <summary>The sum of every wait so far.</summary>
        public TimeSpan Elapsed
        {
            get
            {
                lock (_gate)
                {
                    return _now - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                }
            }
        }

        /// <inheritdoc />
        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate)
            {
                return _now;
            }
        }

        /// <inheritdoc />
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new FiringTimer(this, callback, state, dueTime);

        private void Fire(TimerCallback callback, object? state, TimeSpan dueTime)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            lock (_gate)
            {
                if (dueTime > TimeSpan.Zero)
                {
                    _delays.Add(dueTime);
                    _now += dueTime;
                }
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        private sealed class FiringTimer : ITimer
        {
            private readonly ManualTimeProvider _owner;
            private readonly TimerCallback _callback;
            private readonly object? _state;
            private bool _disposed;

            public FiringTimer(ManualTimeProvider owner, TimerCallback callback, object? state, TimeSpan dueTime)
            {
                _owner = owner;
                _callback = callback;
                _state = state;
                owner.Fire(Guarded, state, dueTime);
            }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                if (_disposed)
                {
                    return false;
                }

                _owner.Fire(Guarded, _state, dueTime);
                return true;
            }

            public void Dispose() => _disposed = true;

            public System.Threading.Tasks.ValueTask DisposeAsync()
            {
                _disposed = true;
                return default;
            }

            private void Guarded(object? state)
            {
                if (!_disposed)
                {
                    _callback(state);
                }
            }
        }
    }
}
