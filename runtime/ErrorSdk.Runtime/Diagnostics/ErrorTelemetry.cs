using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ErrorSdk.Generator.Conventions;

namespace ErrorSdk.Diagnostics
{
    /// <summary>
    /// The recording side of ErrorSdk's telemetry, on the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/> named
    /// <see cref="ErrorTelemetryNames.SourceName"/> (no OpenTelemetry dependency; <c>ErrorSdk.OpenTelemetry</c> subscribes
    /// to them). Transports call it: <c>ToStatus</c>, <c>Promote</c>, the HTTP handler, the ASP.NET Core exception
    /// handler and the Polly retry already do.
    /// </summary>
    /// <remarks>
    /// Every attribute is bounded and outward-safe: <c>error.type</c> is a reason of the taxonomy (or
    /// <see cref="ErrorTelemetryNames.OtherErrorType"/>), codes and policies are enum names, and the one text, the
    /// <c>exception.message</c> of a span event, is <see cref="TaxonomyException.OutwardMessage"/>. With no listener
    /// attached each call costs a few field reads.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ErrorTelemetry
    {
        private const int RaisedMark = 1;
        private const int ReceivedMark = 2;

        private static readonly string[] RetryPolicyNames = { "never", "transient", "throttled", "reauthenticate" };
        private static readonly string[] DecisionNames = { "retried", "gave_up_terminal", "gave_up_budget" };
        private static readonly string[] DelaySourceNames = { "backoff", "server", "none" };

        private static readonly string? Version = typeof(ErrorTelemetry).Assembly.GetName().Version?.ToString();

        private static readonly ActivitySource Source = new ActivitySource(ErrorTelemetryNames.SourceName, Version);

        private static readonly Meter Meter = new Meter(ErrorTelemetryNames.SourceName, Version);

        private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
            ErrorTelemetryNames.ErrorsCounter, "{error}", "Typed errors raised outward or received, by error.type, code, retry policy and direction.");

        private static readonly Counter<long> RetryDecisions = Meter.CreateCounter<long>(
            ErrorTelemetryNames.RetryDecisionsCounter, "{decision}", "Retry decisions about typed errors: retried, gave up (terminal), gave up (budget).");

        private static readonly Histogram<double> RetryDelays = Meter.CreateHistogram<double>(
            ErrorTelemetryNames.RetryDelayHistogram, "s", "The delay waited before a retry, by error.type and the delay's source (server or backoff).");

        [ThreadStatic]
        private static int t_suppressedReceived;

        /// <summary>Whether anything listens: the ActivitySource or one of the instruments. Check it before computing anything to record.</summary>
        public static bool IsEnabled => Source.HasListeners() || Errors.Enabled || RetryDecisions.Enabled || RetryDelays.Enabled;

        /// <summary>
        /// Records <paramref name="error"/> as raised outward (answered to a caller): the <c>errorsdk.errors</c> counter with
        /// direction <c>raised</c>, and the current span's <c>error.type</c>, status and <c>exception</c> event. At most once
        /// per error instance, so a handler that records and then calls <see cref="TaxonomyException.ToStatus()"/> counts one.
        /// </summary>
        /// <returns><paramref name="error"/>, so a call site can write <c>throw ErrorTelemetry.RecordRaised(e)</c>.</returns>
        public static TError RecordRaised<TError>(TError error, ErrorTransport transport = ErrorTransport.Unspecified)
            where TError : TaxonomyException
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (IsEnabled && error.MarkRecorded(RaisedMark))
            {
                Record(error, "raised", transport);
            }

            return error;
        }

        /// <summary>
        /// Records <paramref name="error"/> as received from a peer: the <c>errorsdk.errors</c> counter with direction
        /// <c>received</c> and the current span's <c>error.type</c>, status and <c>exception</c> event. At most once per
        /// error instance: every promoted error is recorded when it is built, so a transport that promotes and then
        /// records counts one.
        /// </summary>
        /// <returns><paramref name="error"/>, so a call site can write <c>throw ErrorTelemetry.RecordReceived(e, ErrorTransport.Http)</c>.</returns>
        public static TError RecordReceived<TError>(TError error, ErrorTransport transport = ErrorTransport.Unspecified)
            where TError : TaxonomyException
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (IsEnabled && error.MarkRecorded(ReceivedMark))
            {
                Record(error, "received", transport);
            }

            return error;
        }

        /// <summary>Records what a retry layer decided about a failed attempt that ended in <paramref name="error"/> (<c>errorsdk.retry.decisions</c>).</summary>
        public static void RecordRetryDecision(TaxonomyException error, RetryDecision decision)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (RetryDecisions.Enabled)
            {
                RetryDecisions.Add(
                    1,
                    new KeyValuePair<string, object?>(ErrorTelemetryNames.ErrorType, ErrorTypeOf(error)),
                    new KeyValuePair<string, object?>(ErrorTelemetryNames.RetryDecision, NameOf(DecisionNames, (int)decision)));
            }
        }

        /// <summary>Records the delay a retry layer waits before retrying after <paramref name="error"/> (<c>errorsdk.retry.delay</c>, seconds).</summary>
        public static void RecordRetryDelay(TaxonomyException error, TimeSpan delay, RetryDelaySource source)
        {
            if (error is null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (RetryDelays.Enabled)
            {
                RetryDelays.Record(
                    delay < TimeSpan.Zero ? 0d : delay.TotalSeconds,
                    new KeyValuePair<string, object?>(ErrorTelemetryNames.ErrorType, ErrorTypeOf(error)),
                    new KeyValuePair<string, object?>(ErrorTelemetryNames.RetryDelaySource, NameOf(DelaySourceNames, (int)source)));
            }
        }

        /// <summary>
        /// Until the scope is disposed, errors built from a status on this thread are not recorded as received: for code
        /// that promotes a status it made itself (to find a fallback kind, or to build a local error that has no kind).
        /// </summary>
        public static ReceivedSuppression SuppressReceived()
        {
            t_suppressedReceived++;
            return default;
        }

        /// <summary>The <c>error.type</c> of <paramref name="error"/>: its kind's reason, else <see cref="ErrorTelemetryNames.OtherErrorType"/> (never the free text a peer sent).</summary>
        public static string ErrorTypeOf(TaxonomyException error) =>
            (error ?? throw new ArgumentNullException(nameof(error))).Kind?.Reason ?? ErrorTelemetryNames.OtherErrorType;

        /// <summary>The gRPC code name of <paramref name="error"/> (e.g. <c>RESOURCE_EXHAUSTED</c>), or <see cref="ErrorTelemetryNames.OtherErrorType"/> for a code outside the known ones.</summary>
        public static string CodeNameOf(TaxonomyException error)
        {
            int code = (int)(error ?? throw new ArgumentNullException(nameof(error))).Code;
            return code >= 0 && code < GrpcCodeTable.Names.Length ? GrpcCodeTable.Names[code] : ErrorTelemetryNames.OtherErrorType;
        }

        /// <summary>Called as a promoted error is built (a <c>Promote</c> result): records it as received unless suppressed.</summary>
        internal static void OnPromoted(TaxonomyException error)
        {
            if (t_suppressedReceived == 0 && IsEnabled && error.MarkRecorded(ReceivedMark))
            {
                Record(error, "received", ErrorTransport.Unspecified);
            }
        }

        private static void Record(TaxonomyException error, string direction, ErrorTransport transport)
        {
            var errorType = ErrorTypeOf(error);
            if (Errors.Enabled)
            {
                var tags = new TagList
                {
                    { ErrorTelemetryNames.ErrorType, errorType },
                    { ErrorTelemetryNames.ErrorCode, CodeNameOf(error) },
                    { ErrorTelemetryNames.RetryPolicy, NameOf(RetryPolicyNames, (int)error.Retry) },
                    { ErrorTelemetryNames.Direction, direction },
                };
                Errors.Add(1, tags);
            }

            if (Activity.Current is { IsAllDataRequested: true } activity && Source.HasListeners())
            {
                Enrich(activity, error, errorType, direction, transport);
            }
        }

        private static void Enrich(Activity activity, TaxonomyException error, string errorType, string direction, ErrorTransport transport)
        {
            activity.SetTag(ErrorTelemetryNames.ErrorType, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
            if (direction == "raised" && transport == ErrorTransport.Grpc && activity.GetTagItem(ErrorTelemetryNames.GrpcStatusCode) is null)
            {
                activity.SetTag(ErrorTelemetryNames.GrpcStatusCode, (int)error.Code);
            }
            else if (direction == "raised" && transport == ErrorTransport.Http && activity.GetTagItem(ErrorTelemetryNames.HttpResponseStatusCode) is null)
            {
                activity.SetTag(ErrorTelemetryNames.HttpResponseStatusCode, error.HttpStatus);
            }

            // Outward-safe text only: the rendered template or the scrubbed received message; no stack, no inner text.
            activity.AddEvent(new ActivityEvent(
                ErrorTelemetryNames.ExceptionEvent,
                tags: new ActivityTagsCollection
                {
                    { ErrorTelemetryNames.ExceptionType, error.GetType().FullName },
                    { ErrorTelemetryNames.ExceptionMessage, error.OutwardMessage },
                    { ErrorTelemetryNames.ErrorType, errorType },
                    { ErrorTelemetryNames.Direction, direction },
                }));
        }

        private static string NameOf(string[] names, int value) =>
            value >= 0 && value < names.Length ? names[value] : ErrorTelemetryNames.OtherErrorType;

        /// <summary>The scope of <see cref="SuppressReceived"/>; dispose it on the thread that began it.</summary>
        public readonly struct ReceivedSuppression : IDisposable
        {
            /// <summary>Ends the suppression.</summary>
            public void Dispose()
            {
                if (t_suppressedReceived > 0)
                {
                    t_suppressedReceived--;
                }
            }
        }
    }
}
