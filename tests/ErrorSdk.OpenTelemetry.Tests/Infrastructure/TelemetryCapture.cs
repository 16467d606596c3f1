using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests.Infrastructure
{
    /// <summary>The tests share the process-wide ErrorSdk ActivitySource and Meter: they run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TelemetryCollection
    {
        public const string Name = "Telemetry";
    }

    /// <summary>
    /// The real OpenTelemetry SDK with in-memory exporters, subscribed the way a service subscribes:
    /// <c>AddErrorSdkInstrumentation()</c> on both builders, plus the ASP.NET Core server source and this test's source.
    /// Logs of the ErrorSdk categories go to an OpenTelemetry logger with scopes and formatted messages.
    /// </summary>
    public sealed class TelemetryCapture : IDisposable
    {
        public const string TestSourceName = "ErrorSdk.OpenTelemetry.Tests";

        public static readonly ActivitySource TestSource = new ActivitySource(TestSourceName);

        private readonly TracerProvider _tracerProvider;
        private readonly MeterProvider _meterProvider;

        public TelemetryCapture()
        {
            _tracerProvider = Sdk.CreateTracerProviderBuilder()
                .AddSource(TestSourceName, "Microsoft.AspNetCore")
                .AddErrorSdkInstrumentation()
                .AddInMemoryExporter(Spans)
                .Build()!;
            _meterProvider = Sdk.CreateMeterProviderBuilder()
                .AddErrorSdkInstrumentation()
                .AddInMemoryExporter(Metrics)
                .Build()!;
            LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Debug)
                .AddFilter((category, _) => category is not null && category.StartsWith("ErrorSdk", StringComparison.Ordinal))
                .AddOpenTelemetry(options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                    options.AddInMemoryExporter(Logs);
                }));
        }

        public List<Activity> Spans { get; } = new List<Activity>();

        public List<MetricSnapshot> Metrics { get; } = new List<MetricSnapshot>();

        public List<LogRecord> Logs { get; } = new List<LogRecord>();

        public ILoggerFactory LoggerFactory { get; }

        /// <summary>The metric points of <paramref name="name"/> as of now (cumulative), each with its tags.</summary>
        public IReadOnlyList<(IReadOnlyDictionary<string, object?> Tags, MetricPoint Point)> PointsOf(string name)
        {
            Metrics.Clear();
            _meterProvider.ForceFlush();
            var snapshot = Metrics.LastOrDefault(m => m.Name == name);
            return snapshot is null
                ? Array.Empty<(IReadOnlyDictionary<string, object?>, MetricPoint)>()
                : snapshot.MetricPoints.Select(p => ((IReadOnlyDictionary<string, object?>)TagsOf(p), p)).ToList();
        }

        /// <summary>The sum of the counter points of <paramref name="name"/> whose tags include every one of <paramref name="tags"/>.</summary>
        public long Count(string name, params (string Key, object Value)[] tags) =>
            PointsOf(name).Where(p => Matches(p.Tags, tags)).Sum(p => p.Point.GetSumLong());

        /// <summary>Every text ErrorSdk telemetry exported: span names, tags, status, events and their tags; metric tags; log messages, attributes and scopes.</summary>
        public IEnumerable<string> ExportedText()
        {
            foreach (var span in Spans)
            {
                yield return span.DisplayName;
                yield return span.StatusDescription ?? string.Empty;
                foreach (var tag in span.TagObjects)
                {
                    yield return tag.Key + "=" + tag.Value;
                }

                foreach (var e in span.Events)
                {
                    yield return e.Name;
                    foreach (var tag in e.Tags)
                    {
                        yield return tag.Key + "=" + tag.Value;
                    }
                }
            }

            _meterProvider.ForceFlush();
            foreach (var metric in Metrics)
            {
                foreach (var point in metric.MetricPoints)
                {
                    foreach (var tag in TagsOf(point))
                    {
                        yield return tag.Key + "=" + tag.Value;
                    }
                }
            }

            foreach (var log in Logs)
            {
                yield return log.FormattedMessage ?? string.Empty;
                yield return log.Body ?? string.Empty;
                foreach (var attribute in log.Attributes ?? Array.Empty<KeyValuePair<string, object?>>())
                {
                    yield return attribute.Key + "=" + attribute.Value;
                }

                var scopes = new List<string>();
                log.ForEachScope((scope, list) =>
                {
                    foreach (var item in scope)
                    {
                        list.Add(item.Key + "=" + DescribeValue(item.Value));
                    }
                }, scopes);
                foreach (var scope in scopes)
                {
                    yield return scope;
                }
            }
        }

        public void Dispose()
        {
            LoggerFactory.Dispose();
            _meterProvider.Dispose();
            _tracerProvider.Dispose();
        }

        private static Dictionary<string, object?> TagsOf(MetricPoint point)
        {
            var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            return tags;
        }

        private static bool Matches(IReadOnlyDictionary<string, object?> actual, (string Key, object Value)[] expected) =>
            expected.All(e => actual.TryGetValue(e.Key, out var value) && Equals(value, e.Value));

        private static string DescribeValue(object? value) => value switch
        {
            IEnumerable<KeyValuePair<string, string>> map => string.Join(", ", map.Select(p => p.Key + ": " + p.Value)),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
