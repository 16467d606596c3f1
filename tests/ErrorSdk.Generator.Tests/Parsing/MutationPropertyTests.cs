using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorSdk.Generator.Diagnostics;
using CsCheck;
using Xunit;
using static ErrorSdk.Generator.Tests.TestTaxonomies;

namespace ErrorSdk.Generator.Tests.Parsing
{
    /// <summary>Totality: any corruption of a valid taxonomy gives a spec or at least one error, never an exception.</summary>
    public class MutationPropertyTests
    {
        private const string Noise = "{}[]\",:\\/*-+.0123456789eEtfnulxAZ_ \n\t\r\uFEFF\u00e9\u2028{{}}";

        private static readonly string[] Tokens = { "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e99", "\"x\"", "{}", "[]", "\\u", "//", "/*", "{tool}", "\"parents\": [\"TOOL_ERROR\"]" };

        private enum Op
        {
            Delete,
            Duplicate,
            Swap,
            Insert,
            InsertToken,
            DeleteRange,
            DuplicateRange,
            Truncate,
        }

        private sealed record Mutation(Op Op, int Position, int Length, char Char, string Token);

        [Fact]
        public void ReadNeverThrowsAndAlwaysExplainsAMissingSpec()
        {
            var mutation =
                from op in Gen.OneOf(Enum.GetValues<Op>())
                from position in Gen.Int[0, 1_000_000]
                from length in Gen.Int[1, 40]
                from c in Gen.OneOf(Noise.ToCharArray())
                from token in Gen.OneOf(Tokens)
                select new Mutation(op, position, length, c, token);
            var mutations = Gen.Int[1, 6].SelectMany(n => mutation.Array[n]);

            // One thread: xunit runs the test classes side by side already. A failure is shrunk (fewer, smaller
            // mutations) over the remaining cases and reported with its seed (CsCheck_Seed=… replays it).
            int runs = 0;
            mutations.Sample(
                list =>
                {
                    Holds(Apply(Sample, list));
                    runs++;
                },
                iter: 1000,
                threads: 1);
            Assert.True(runs >= 1000, "only " + runs + " cases ran");
        }

        [Fact]
        public void EveryPrefixOfTheSampleIsHandled()
        {
            for (int length = 0; length < Sample.Length; length += 7)
            {
                Assert.True(Holds(Sample.Substring(0, length)), "prefix of length " + length);
            }
        }

        private static bool Holds(string text)
        {
            var result = Read(text);
            bool explained = result.Spec != null
                ? result.Diagnostics.Count == 0
                : result.Diagnostics.Any(d => DiagnosticCatalog.Get(d.Id).Severity == TaxonomySeverity.Error);
            bool noBug = result.Diagnostics.All(d => d.Id != DiagnosticIds.InternalError);
            bool spansInside = result.Diagnostics.All(d => d.Span == null || (d.Span.Start >= 0 && d.Span.Start + d.Span.Length <= text.Length && d.Span.StartLine >= 0 && d.Span.StartColumn >= 0));
            bool messagesFormat = result.Diagnostics.All(d => string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticCatalog.Get(d.Id).MessageFormat, d.MessageArgs.ToArray<object>()).Length > 0);
            if (!(explained && noBug && spansInside && messagesFormat))
            {
                throw new InvalidOperationException("Property failed for:\n" + text + "\n" + Describe(result));
            }

            return true;
        }

        private static string Apply(string text, IEnumerable<Mutation> mutations)
        {
            var s = new StringBuilder(text);
            foreach (var m in mutations)
            {
                if (s.Length == 0)
                {
                    s.Append(m.Char);
                    continue;
                }

                int p = m.Position % s.Length;
                int n = Math.Min(m.Length, s.Length - p);
                switch (m.Op)
                {
                    case Op.Delete:
                        s.Remove(p, 1);
                        break;
                    case Op.Duplicate:
                        s.Insert(p, s[p]);
                        break;
                    case Op.Swap when p + 1 < s.Length:
                        (s[p], s[p + 1]) = (s[p + 1], s[p]);
                        break;
                    case Op.Insert:
                        s.Insert(p, m.Char);
                        break;
                    case Op.InsertToken:
                        s.Insert(p, m.Token);
                        break;
                    case Op.DeleteRange:
                        s.Remove(p, n);
                        break;
                    case Op.DuplicateRange:
                        s.Insert(p, s.ToString(p, n));
                        break;
                    case Op.Truncate:
                        s.Length = p;
                        break;
                }
            }

            return s.ToString();
        }
    }
}
