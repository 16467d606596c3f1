using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorSdk.Generator.Conventions;
using ErrorSdk.Generator.Diagnostics;
using ErrorSdk.Generator.Model;

namespace ErrorSdk.Generator.Validation
{
    /// <summary>Checks each kind's own values (reason, number, code, retry, http, message, fields) before any inheritance.</summary>
    internal static class KindValueRules
    {
        public static readonly string ErrorCodeList = string.Join(", ", GrpcCodeTable.Names.Skip(1));

        public static void Check(ValidationContext context)
        {
            var reservedNumbers = new HashSet<int>(context.Raw.ReservedNumbers.Select(n => n.Value));
            var reservedReasons = new HashSet<string>(context.Raw.ReservedReasons.Select(r => r.Value), StringComparer.Ordinal);
            var numbers = new Dictionary<int, KindState>();
            foreach (var kind in context.Kinds)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                CheckReasonAndNumber(context, kind, reservedNumbers, reservedReasons, numbers);
                CheckCodeRetryHttp(context, kind);
                CheckMessage(context, kind);
                FieldRules.CheckOwnFields(context, kind);
                if (kind.Raw.IsMalformed)
                {
                    kind.Broken = true;
                }
            }
        }

        private static void CheckReasonAndNumber(ValidationContext context, KindState kind, HashSet<int> reservedNumbers, HashSet<string> reservedReasons, Dictionary<int, KindState> numbers)
        {
            var diagnostics = context.Diagnostics;
            var raw = kind.Raw;
            string? problem = NameRules.ReasonProblem(raw.Reason);
            kind.ReasonValid = problem == null;
            kind.PascalName = NameCase.UpperSnakeToPascal(raw.Reason);
            if (problem != null)
            {
                diagnostics.Report(DiagnosticIds.InvalidReason, raw.ReasonSpan, NameRules.Shorten(raw.Reason), "'kinds'", problem);
            }

            if (reservedReasons.Contains(raw.Reason))
            {
                diagnostics.Report(DiagnosticIds.ReservedReason, raw.ReasonSpan, NameRules.Shorten(raw.Reason));
            }

            if (raw.Number is not { } number)
            {
                return;
            }

            string n = number.Value.ToString(CultureInfo.InvariantCulture);
            if (number.Value <= 0)
            {
                diagnostics.Report(DiagnosticIds.InvalidNumber, number.Span, n, ValidationContext.KindContext(kind));
                return;
            }

            if (numbers.TryGetValue(number.Value, out var other))
            {
                diagnostics.Report(DiagnosticIds.DuplicateNumber, number.Span, NameRules.Shorten(raw.Reason), n, NameRules.Shorten(other.Reason));
            }
            else
            {
                numbers.Add(number.Value, kind);
            }

            if (reservedNumbers.Contains(number.Value))
            {
                diagnostics.Report(DiagnosticIds.ReservedNumber, number.Span, NameRules.Shorten(raw.Reason), n);
            }
        }

        private static void CheckCodeRetryHttp(ValidationContext context, KindState kind)
        {
            var raw = kind.Raw;
            string where = ValidationContext.KindContext(kind);
            if (raw.Code is { } code)
            {
                int value = CheckCode(context, code, where, "Kind '" + NameRules.Shorten(kind.Reason) + "'");
                kind.OwnCode = value > 0 ? value : (int?)null;
            }

            if (raw.Retry is { } retry)
            {
                int index = Array.IndexOf(Vocabulary.RetryPolicies, retry.Value);
                if (index < 0)
                {
                    context.Diagnostics.Report(DiagnosticIds.InvalidRetry, retry.Span, NameRules.Shorten(retry.Value), NameRules.Shorten(kind.Reason));
                }
                else
                {
                    kind.OwnRetry = (RetryKind)index;
                }
            }

            if (raw.Http is { } http)
            {
                if (http.Value < 100 || http.Value > 599)
                {
                    context.Diagnostics.Report(DiagnosticIds.HttpOutOfRange, http.Span, http.Value.ToString(CultureInfo.InvariantCulture), NameRules.Shorten(kind.Reason));
                }
                else
                {
                    kind.OwnHttp = http.Value;
                }
            }

            // A property that is present but invalid (wrong type or value, already reported) blocks resolution.
            if ((raw.Has("code") && kind.OwnCode == null) || (raw.Has("retry") && kind.OwnRetry == null) || (raw.Has("http") && kind.OwnHttp == null))
            {
                kind.Broken = true;
            }
        }

        /// <summary>The code's value, or -1 after reporting an unknown code (ESDK117) or OK (ESDK118).</summary>
        public static int CheckCode(ValidationContext context, Parsing.Located<string> code, string where, string subject)
        {
            int value = GrpcCodeTable.ValueOf(code.Value);
            if (value < 0)
            {
                context.Diagnostics.Report(DiagnosticIds.UnknownCode, code.Span, NameRules.Shorten(code.Value), where, ErrorCodeList);
                return -1;
            }

            if (value == 0)
            {
                context.Diagnostics.Report(DiagnosticIds.CodeOk, code.Span, subject);
                return -1;
            }

            return value;
        }

        private static void CheckMessage(ValidationContext context, KindState kind)
        {
            var raw = kind.Raw;
            if (raw.Message == null)
            {
                if (raw.Has("message"))
                {
                    kind.Broken = true;
                }

                return;
            }

            var parsed = MessageTemplateParser.Parse(raw.Message.Value);
            kind.OwnMessage = parsed;
            foreach (var error in parsed.Errors)
            {
                context.Diagnostics.Report(DiagnosticIds.UnbalancedBrace, TemplateRules.SpanOf(context, kind, error.Index, error.Length), NameRules.Shorten(kind.Reason), error.Problem);
            }
        }
    }
}
