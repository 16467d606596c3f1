using System;
using System.Collections.Generic;
using Google.Protobuf;
using ErrorSdk.Safety;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>Builds and reads the details of a <c>google.rpc.Status</c>: ErrorInfo, RetryInfo and DebugInfo.</summary>
    internal static class StatusDetails
    {
        private const int MaxKnownCode = 16;

        // How much text past a limit is still scrubbed before the cut.
        private const int ScrubMargin = 1024;

        // A trailer problem's name is one of a few short words; anything longer is quoted, cut.
        private const int ProblemNameLength = 64;

        private const string RetryInfoTypeName = "google.rpc.RetryInfo";
        private const string DebugInfoTypeName = "google.rpc.DebugInfo";

        /// <summary>
        /// The status: code and message, then an ErrorInfo — only when there is a reason (AIP-193: an ErrorInfo has a
        /// reason and a domain; an error with no reason, such as an <see cref="UnclassifiedException"/> from a bare
        /// status, sends none) — then RetryInfo when a delay is known, then DebugInfo when a detail is given.
        /// </summary>
        public static Google.Rpc.Status Build(
            int code,
            string message,
            string reason,
            string domain,
            IReadOnlyDictionary<string, string> metadata,
            TimeSpan? retryAfter,
            string? debugDetail)
        {
            var status = new Google.Rpc.Status { Code = code, Message = message ?? string.Empty };
            if (!string.IsNullOrEmpty(reason))
            {
                status.Details.Add(ErrorInfo(reason, domain, metadata));
            }

            if (retryAfter is { } delay)
            {
                status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
            }

            if (!string.IsNullOrEmpty(debugDetail))
            {
                status.Details.Add(Any.Pack(new Google.Rpc.DebugInfo { Detail = debugDetail }));
            }

            return status;
        }

        /// <summary>An ErrorInfo detail, packed as it is sent.</summary>
        public static Any ErrorInfo(string reason, string domain, IEnumerable<KeyValuePair<string, string>> metadata) =>
            new Any { TypeUrl = ErrorInfoCodec.TypeUrl, Value = ErrorInfoCodec.Encode(reason ?? string.Empty, domain ?? string.Empty, metadata) };

        public static ReceivedError Read(Google.Rpc.Status? status, string domain, WireLimits limits, Func<string, int, bool>? isKnownReason = null)
        {
            status ??= new Google.Rpc.Status { Code = (int)Google.Rpc.Code.Unknown };
            var problems = default(ProblemList);
            var info = default(DecodedErrorInfo);
            bool hasInfo = false;
            bool own = false;
            bool ownKnown = false;
            bool laterErrorInfo = false;
            TimeSpan? retryDelay = null;
            bool retrySeen = false;
            string? debugDetail = null;

            if (status.Code < 0 || status.Code > MaxKnownCode)
            {
                problems.Add("code " + status.Code + " is outside google.rpc.Code (0..16)");
            }
            else if (status.Code == 0)
            {
                problems.Add("code 0 (OK) in an error status");
            }

            // The message is kept as it arrived (cut at the limit): it is the peer's text, and outward paths scrub it.
            var message = LimitedText.Cut(status.Message ?? string.Empty, limits.MaxMessageLength, out bool messageCut);
            if (messageCut)
            {
                problems.Add("message: cut to " + limits.MaxMessageLength + " of " + status.Message!.Length + " characters");
            }

            int count = status.Details.Count;
            int read = Math.Min(count, limits.MaxDetails);
            if (read < count)
            {
                problems.Add("details: read " + read + " of " + count + "; the rest stay in the raw status (WireLimits.MaxDetails)");
            }

            for (int i = 0; i < read; i++)
            {
                var detail = status.Details[i];
                if (detail is null)
                {
                    continue;
                }

                switch (KnownTypeNameOf(detail.TypeUrl))
                {
                    case ErrorInfoCodec.TypeName:
                        if (ownKnown)
                        {
                            // Settled: later ErrorInfos stay in the raw status, undecoded.
                            laterErrorInfo = true;
                            break;
                        }

                        try
                        {
                            var decoded = ErrorInfoCodec.Decode(detail.Value, limits, domain);
                            bool isOwn = string.Equals(decoded.Domain, domain, StringComparison.Ordinal);
                            bool known = isOwn && (isKnownReason is null || isKnownReason(decoded.Reason, status.Code));

                            // The first of the taxonomy's own ErrorInfos whose reason is known wins; else its first own
                            // one; else the first foreign one.
                            if (known || (isOwn && !own) || !hasInfo)
                            {
                                info = decoded;
                                hasInfo = true;
                                own = isOwn;
                                ownKnown = known;
                                DescribeCuts(decoded, i, ref problems);
                            }
                        }
                        catch (InvalidProtocolBufferException e)
                        {
                            problems.Add("details[" + i + "]: malformed google.rpc.ErrorInfo (" + e.Message + ")");
                        }

                        break;
                    case RetryInfoTypeName when !retrySeen:
                        retrySeen = true;
                        retryDelay = ReadRetryDelay(detail.Value, i, ref problems);
                        break;
                    case GrpcWire.TrailerProblemTypeName:
                        problems.Add("details[" + i + "]: " + DescribeTrailerProblem(detail.Value));
                        break;
                    case DebugInfoTypeName when debugDetail is null:
                        try
                        {
                            debugDetail = ReadText(
                                Google.Rpc.DebugInfo.Parser.ParseFrom(detail.Value).Detail ?? string.Empty,
                                limits.MaxDebugDetailLength,
                                "details[" + i + "]: DebugInfo detail",
                                ref problems);
                        }
                        catch (InvalidProtocolBufferException e)
                        {
                            problems.Add("details[" + i + "]: malformed google.rpc.DebugInfo (" + e.Message + ")");
                        }

                        break;
                }
            }

            return new ReceivedError(
                status,
                message,
                hasInfo ? info.Reason : null,
                hasInfo ? info.Domain : null,
                own,
                hasInfo ? info.Metadata.ToMap() : null,
                retryDelay,
                debugDetail,
                problems.ToList(),
                laterErrorInfo);
        }

        /// <summary>
        /// Received developer text as the SDK exposes it: cut at the limit, scrubbed of secrets (the developer message is
        /// always scrubbed), and marked when cut. Scrubbing runs on a bounded prefix, so a huge text costs no more than a small one.
        /// </summary>
        private static string ReadText(string raw, int max, string what, ref ProblemList problems)
        {
            // Scrub a little more than is kept, so a secret that straddles the cut is still recognized whole.
            bool longer = raw.Length > max + ScrubMargin;
            var scrubbed = TextSanitizer.Sanitize(longer ? raw.Substring(0, max + ScrubMargin) : raw);
            if (!longer && scrubbed.Length <= max)
            {
                return scrubbed;
            }

            problems.Add(what + ": cut to " + max + " of " + raw.Length + " characters");
            return LimitedText.Mark(scrubbed, max);
        }

        private static void DescribeCuts(in DecodedErrorInfo info, int index, ref ProblemList problems)
        {
            if (!info.ReasonCut && !info.DomainCut && info.KeysCut == 0 && info.ValuesCut == 0 && info.EntriesNotRead == 0 && !info.InvalidUtf8)
            {
                return;
            }

            var prefix = "details[" + index + "]: ErrorInfo ";
            if (info.InvalidUtf8)
            {
                problems.Add(prefix + "invalid UTF-8 replaced with U+FFFD; the raw bytes stay in the raw status");
            }

            if (info.ReasonCut)
            {
                problems.Add(prefix + "reason cut (WireLimits.MaxIdentifierLength)");
            }

            if (info.DomainCut)
            {
                problems.Add(prefix + "domain cut (WireLimits.MaxIdentifierLength)");
            }

            if (info.KeysCut > 0)
            {
                problems.Add(prefix + info.KeysCut + " metadata key(s) cut (WireLimits.MaxIdentifierLength)");
            }

            if (info.ValuesCut > 0)
            {
                problems.Add(prefix + info.ValuesCut + " metadata value(s) cut (WireLimits.MaxMetadataValueLength)");
            }

            if (info.EntriesNotRead > 0)
            {
                problems.Add(prefix + info.EntriesNotRead + " metadata entr(ies) past the limit not read; they stay in the raw status (WireLimits.MaxMetadataEntries)");
            }
        }

        private static TimeSpan? ReadRetryDelay(ByteString value, int index, ref ProblemList problems)
        {
            // A well-formed, in-range delay is read in place; anything else goes through the parser, which says what is wrong.
            if (RetryInfoReader.TryRead(value, out var fast))
            {
                return fast;
            }

            try
            {
                var info = Google.Rpc.RetryInfo.Parser.ParseFrom(value);
                var delay = info.RetryDelay;
                if (delay is null)
                {
                    return null;
                }

                if (delay.Seconds < 0 || delay.Nanos < 0 || delay.Nanos > 999_999_999 || delay.Seconds > Duration.MaxSeconds)
                {
                    problems.Add("details[" + index + "]: RetryInfo delay out of range (" + delay.Seconds + "s " + delay.Nanos + "ns)");
                    return null;
                }

                return delay.ToTimeSpan();
            }
            catch (Exception e) when (e is InvalidProtocolBufferException || e is InvalidOperationException || e is OverflowException)
            {
                problems.Add("details[" + index + "]: malformed google.rpc.RetryInfo (" + e.Message + ")");
                return null;
            }
        }

        private static string DescribeTrailerProblem(ByteString bytes)
        {
            try
            {
                var problem = Struct.Parser.ParseFrom(bytes);
                var kind = problem.Fields.TryGetValue("problem", out var value) ? value.StringValue : null;
                return "trailer " + (string.IsNullOrEmpty(kind) ? "problem" : LimitedText.Cut(kind!, ProblemNameLength));
            }
            catch (InvalidProtocolBufferException)
            {
                return "trailer problem";
            }
        }

        /// <summary>
        /// The type name of a type URL (the text after its last <c>/</c>) when it is one this reader handles, as the
        /// constant itself; otherwise an empty string. Nothing is allocated.
        /// </summary>
        private static string KnownTypeNameOf(string? typeUrl)
        {
            if (string.IsNullOrEmpty(typeUrl))
            {
                return string.Empty;
            }

            return HasTypeName(typeUrl!, ErrorInfoCodec.TypeName) ? ErrorInfoCodec.TypeName
                : HasTypeName(typeUrl!, RetryInfoTypeName) ? RetryInfoTypeName
                : HasTypeName(typeUrl!, DebugInfoTypeName) ? DebugInfoTypeName
                : HasTypeName(typeUrl!, GrpcWire.TrailerProblemTypeName) ? GrpcWire.TrailerProblemTypeName
                : string.Empty;
        }

        // Type names contain no '/', so "ends with /name, or is name" is "the text after the last '/' is name".
        private static bool HasTypeName(string typeUrl, string name) =>
            typeUrl.EndsWith(name, StringComparison.Ordinal) &&
            (typeUrl.Length == name.Length || typeUrl[typeUrl.Length - name.Length - 1] == '/');

    }
}
