using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Tests.Hardening
{
    /// <summary>What must hold for whatever a reader returns, however hostile its input.</summary>
    internal static class WireInvariants
    {
        public const int MaxProblemLines = 65;

        public const int MaxTrailerProblems = 17;

        /// <summary>A read status is within every limit, marks every cut it can see, and can be sent on.</summary>
        public static void CheckReceived(Google.Rpc.Status? raw, ReceivedError received, WireLimits limits)
        {
            if (raw is not null)
            {
                Assert.Same(raw, received.Status);
            }

            Assert.True(received.Message.Length <= limits.MaxMessageLength, "message over the limit");
            if ((raw?.Message.Length ?? 0) > limits.MaxMessageLength)
            {
                Assert.EndsWith(WireLimits.TruncationMarker, received.Message, StringComparison.Ordinal);
                Assert.Contains(received.Problems, p => p.StartsWith("message: cut", StringComparison.Ordinal));
            }

            Assert.True((received.Reason?.Length ?? 0) <= limits.MaxIdentifierLength, "reason over the limit");
            Assert.True((received.Domain?.Length ?? 0) <= limits.MaxIdentifierLength, "domain over the limit");
            Assert.True(received.Metadata.Count <= limits.MaxMetadataEntries, "too many metadata entries");
            foreach (var entry in received.Metadata)
            {
                Assert.True(entry.Key.Length <= limits.MaxIdentifierLength, "metadata key over the limit");
                Assert.True(entry.Value.Length <= limits.MaxMetadataValueLength, "metadata value over the limit");
            }

            Assert.True((received.DebugDetail?.Length ?? 0) <= limits.MaxDebugDetailLength, "debug detail over the limit");
            Assert.True(received.Problems.Count <= MaxProblemLines, "problems unbounded");
            if (raw is not null && raw.Details.Count > limits.MaxDetails)
            {
                Assert.Contains(received.Problems, p => p.StartsWith("details: read", StringComparison.Ordinal));
            }

            if (raw is not null && (raw.Code < 0 || raw.Code > 16))
            {
                Assert.Contains(received.Problems, p => p.StartsWith("code ", StringComparison.Ordinal));
            }

            Assert.True(received.RetryAfter is null || received.RetryAfter >= TimeSpan.Zero, "negative retry delay");
            CheckSendable(new UnclassifiedException(received), received);
        }

        /// <summary>The promoted error can be shown and sent on; its trailers read back to the same status.</summary>
        public static void CheckSendable(TaxonomyException error, ReceivedError received)
        {
            Assert.Equal(received.Code, error.Code);
            Assert.NotNull(error.ToString());
            Assert.Contains(error.HttpStatus, new[] { 200, 400, 401, 403, 404, 409, 429, 499, 500, 501, 503, 504 });
            var sent = error.ToStatus(includeDeveloperMessage: true);
            var trailers = GrpcWire.ToTrailers(sent);
            var back = GrpcWire.FromTrailers(trailers);
            Assert.NotNull(back);
            Assert.Equal(sent.Code, back!.Code);
            if (!back.Details.Any(d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl))
            {
                // What travels is bytes: compare with the status as its own bytes read it (lone surrogates become U+FFFD).
                Assert.Equal(Google.Rpc.Status.Parser.ParseFrom(sent.ToByteArray()), back);
            }
        }

        /// <summary>A status read from trailers is null exactly when there is no grpc-status, and within the limits.</summary>
        public static void CheckTrailers(IReadOnlyList<KeyValuePair<string, string>> headers, Google.Rpc.Status? status, WireLimits limits)
        {
            bool hasStatus = headers.Any(h => h.Key is not null && string.Equals(h.Key, GrpcWire.StatusHeader, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(hasStatus, status is not null);
            if (status is null)
            {
                return;
            }

            Assert.True(status.Message.Length <= limits.MaxMessageLength, "message over the limit");
            // The reader adds at most 17 problem details; a decoded status may carry more of its own (a forwarded one).
            int carried = 0;
            foreach (var header in headers)
            {
                if (header.Key is not null && header.Value is not null && string.Equals(header.Key, GrpcWire.DetailsHeader, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var part in header.Value.Split(','))
                    {
                        carried = Math.Max(carried, CarriedProblems(part));
                    }
                }
            }

            Assert.True(status.Details.Count(d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl) <= MaxTrailerProblems + carried, "trailer problems unbounded");
            CheckReceived(status, ReceivedError.Read(status, WireGen.Domain, limits), limits);
        }

        private static readonly ByteString TrailerProblemTypeUrl = ByteString.CopyFromUtf8(GrpcWire.TrailerProblemTypeUrl);

        // Counted at the wire level, not with Status.Parser: a carried status may hold invalid UTF-8, which Google.Protobuf
        // 3.36 rejects while the tolerant reader keeps the status (with U+FFFD) and every problem detail in it.
        private static int CarriedProblems(string part)
        {
            var bytes = GrpcWire.DecodeBase64(part);
            if (bytes is null)
            {
                return 0;
            }

            int count = 0;
            try
            {
                var status = new CodedInputStream(bytes);
                uint tag;
                while ((tag = status.ReadTag()) != 0)
                {
                    if (tag != 26) // details = 3, length-delimited
                    {
                        status.SkipLastField();
                        continue;
                    }

                    var any = new CodedInputStream(status.ReadBytes().ToByteArray());
                    uint anyTag;
                    while ((anyTag = any.ReadTag()) != 0)
                    {
                        if (anyTag == 10) // type_url = 1
                        {
                            if (any.ReadBytes() == TrailerProblemTypeUrl)
                            {
                                count++;
                            }

                            break;
                        }

                        any.SkipLastField();
                    }
                }
            }
            catch (InvalidProtocolBufferException)
            {
                // What was read before the break still counts: the reader may keep those details.
            }

            return count;
        }

        /// <summary>The text as it comes back from UTF-8 bytes.</summary>
        public static string ThroughUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
    }
}
