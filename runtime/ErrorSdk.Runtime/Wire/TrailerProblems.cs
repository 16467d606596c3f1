using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ErrorSdk.Wire
{
    /// <summary>
    /// What <see cref="GrpcWire.FromTrailers(IEnumerable{KeyValuePair{string, string}}, WireLimits)"/> could not read,
    /// as <c>TrailerProblem</c> details: bounded in number, each raw value quoted as a short excerpt.
    /// </summary>
    internal sealed class TrailerProblems
    {
        /// <summary>How many problems are recorded one by one; one more detail counts the rest.</summary>
        public const int MaxRecorded = 16;

        private readonly List<Any> _details = new List<Any>();
        private int _notRecorded;

        public void Add(string problem, string raw, string? note = null)
        {
            if (_details.Count >= MaxRecorded)
            {
                _notRecorded++;
                return;
            }

            _details.Add(Create(problem, LimitedText.Excerpt(raw), note));
        }

        public IEnumerable<Any> ToDetails()
        {
            if (_notRecorded > 0)
            {
                _details.Add(Create("more_problems", _notRecorded.ToString(CultureInfo.InvariantCulture), null));
                _notRecorded = 0;
            }

            return _details;
        }

        private static Any Create(string problem, string raw, string? note)
        {
            var detail = new Struct();
            detail.Fields["problem"] = Value.ForString(problem);
            detail.Fields["raw"] = Value.ForString(raw);
            if (note is not null)
            {
                detail.Fields["note"] = Value.ForString(note);
            }

            return new Any { TypeUrl = GrpcWire.TrailerProblemTypeUrl, Value = detail.ToByteString() };
        }
    }
}
