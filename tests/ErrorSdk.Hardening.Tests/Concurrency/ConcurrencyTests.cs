using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ErrorSdk.Taxonomy;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Concurrency
{
    /// <summary>
    /// Promote, ToStatus, ToTrailers and the generated tables from 16 threads at once, 100,000 calls per thread (1.6 million in
    /// all), every result compared with the one computed on a single thread before. Shared inputs (the same exception, the
    /// same status) are used by every thread, so lazily built state (an exception's metadata) is raced on purpose.
    /// </summary>
    public class ConcurrencyTests
    {
        private const int Threads = 16;
        private const int CallsPerThread = 100_000;

        /// <summary>A local error and its status; a received status, its trailers and what promoting it gives.</summary>
        private sealed record Sample(TaxonomyException Local, Google.Rpc.Status LocalStatus, Google.Rpc.Status Status, IReadOnlyList<KeyValuePair<string, string>> Trailers, string Promoted);

        private sealed record TableRow(ErrorSdkReason Reason, Google.Rpc.Code Code, int HttpStatus, RetryPolicy Retry, string Text);

        [Fact]
        public void Sixteen_threads_calling_100000_times_each_get_the_single_threaded_results()
        {
            var samples = BuildSamples();
            var table = System.Enum.GetValues<ErrorSdkReason>().Where(r => r != ErrorSdkReason.Unspecified)
                .Select(r => new TableRow(r, ErrorSdkTaxonomy.CodeOf(r), ErrorSdkTaxonomy.HttpStatusOf(r), ErrorSdkTaxonomy.RetryOf(r), ErrorSdkTaxonomy.ReasonOf(r)))
                .ToArray();
            // The tables agree with each other and with the kinds before any thread starts.
            Assert.All(table, row =>
            {
                var kind = ErrorSdkTaxonomy.KindOf(row.Reason);
                Assert.Equal((row.Text, row.Code, row.HttpStatus, row.Retry), (kind.Reason, kind.Code, kind.HttpStatus, kind.Retry));
            });

            var failures = new ConcurrentQueue<string>();
            long calls = 0;
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < CallsPerThread; i++)
                {
                    var sample = samples[(int)(((long)t * 7919 + i) % samples.Count)];
                    string? failure = (i % 4) switch
                    {
                        0 => Check(Snapshot(ErrorSdkTaxonomy.Promote(sample.Status)) == sample.Promoted, "Promote", sample),
                        1 => Check(sample.Local.ToStatus().Equals(sample.LocalStatus), "ToStatus", sample),
                        2 => Check(GrpcWire.ToTrailers(sample.Status).SequenceEqual(sample.Trailers), "ToTrailers", sample),
                        _ => CheckTable(table[(i / 4 + t) % table.Length]),
                    };
                    if (failure is not null && failures.Count < 20)
                    {
                        failures.Enqueue(failure);
                    }

                    Interlocked.Increment(ref calls);
                }
            })).ToList();

            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.Empty(failures);
            Assert.Equal((long)Threads * CallsPerThread, calls);
        }

        private static string? Check(bool ok, string operation, Sample sample) =>
            ok ? null : operation + " differed for " + sample.Promoted;

        private static string? CheckTable(TableRow row) =>
            ErrorSdkTaxonomy.CodeOf(row.Reason) == row.Code && ErrorSdkTaxonomy.HttpStatusOf(row.Reason) == row.HttpStatus &&
            ErrorSdkTaxonomy.RetryOf(row.Reason) == row.Retry && ErrorSdkTaxonomy.ReasonOf(row.Reason) == row.Text &&
            ReferenceEquals(ErrorSdkTaxonomy.KindOf(row.Reason), ErrorSdkKinds.All.Single(k => k.Reason == row.Text))
                ? null
                : "tables differed for " + row.Reason;

        /// <summary>Everything a caller reads from a promoted error, as one string.</summary>
        private static string Snapshot(TaxonomyException error) =>
            string.Join("|",
                error.GetType().FullName,
                error.Reason,
                error.Code,
                error.HttpStatus.ToString(CultureInfo.InvariantCulture),
                error.Retry,
                error.Message,
                error.RetryAfter?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-",
                string.Join(",", error.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)),
                error.Received?.Problems.Count.ToString(CultureInfo.InvariantCulture) ?? "-");

        /// <summary>One local error per concrete kind, with every field set, and statuses that route by alias, fallback or not at all.</summary>
        private static List<Sample> BuildSamples()
        {
            IErrorTaxonomy taxonomy = ErrorSdkTaxonomy.Instance;
            var samples = new List<Sample>();
            foreach (var kind in ErrorSdkKinds.All.Where(k => !k.IsAbstract))
            {
                var fields = kind.Fields.ToDictionary(f => f.Name, f => f.Type switch
                {
                    FieldType.Int => "42",
                    FieldType.Bool => "true",
                    FieldType.Duration => "1.5s",
                    FieldType.Uri => "https://api.example.com/v1/" + kind.Number,
                    _ => kind.Reason.ToLowerInvariant() + "-" + f.Name + " 100% {x}",
                });
                var local = taxonomy.Create(kind.Reason, fields, new TaxonomyExceptionOptions(retryAfter: kind.Retry == RetryPolicy.Throttled ? TimeSpan.FromSeconds(3) : null))!;
                samples.Add(MakeSample(local, local.ToStatus()));
            }

            var any = samples[0].Local;
            foreach (var (reason, domain) in new[] { ("NO_SUCH_REASON", ErrorSdkTaxonomy.DomainName), ("NOT_FOUND", "other.example"), ("TOOL_ERROR", ErrorSdkTaxonomy.DomainName) })
            {
                var status = new Google.Rpc.Status { Code = 5, Message = reason + " from " + domain };
                status.Details.Add(new Any { TypeUrl = "type.googleapis.com/google.rpc.ErrorInfo", Value = ErrorInfo(reason, domain) });
                samples.Add(MakeSample(any, status));
            }

            foreach (var code in Enumerable.Range(0, 17).Append(99))
            {
                samples.Add(MakeSample(any, new Google.Rpc.Status { Code = code, Message = "code only " + code }));
            }

            var garbage = new Google.Rpc.Status { Code = 14, Message = "garbage" };
            garbage.Details.Add(new Any { TypeUrl = "type.googleapis.com/google.rpc.ErrorInfo", Value = ByteString.CopyFrom(0x0A, 0xFF) });
            samples.Add(MakeSample(any, garbage));
            return samples;
        }

        private static Sample MakeSample(TaxonomyException local, Google.Rpc.Status status) =>
            new Sample(local, local.ToStatus(), status, GrpcWire.ToTrailers(status), Snapshot(ErrorSdkTaxonomy.Promote(status)));

        private static ByteString ErrorInfo(string reason, string domain)
        {
            var output = new System.IO.MemoryStream();
            var coded = new CodedOutputStream(output);
            coded.WriteTag(1, WireFormat.WireType.LengthDelimited);
            coded.WriteString(reason);
            coded.WriteTag(2, WireFormat.WireType.LengthDelimited);
            coded.WriteString(domain);
            coded.Flush();
            return ByteString.CopyFrom(output.ToArray());
        }
    }
}
