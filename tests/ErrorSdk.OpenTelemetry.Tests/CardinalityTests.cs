using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Diagnostics;
using ErrorSdk.OpenTelemetry.Tests.Infrastructure;
using ErrorSdk.Taxonomy;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.OpenTelemetry.Tests
{
    /// <summary>
    /// A newer peer sends 10,000 distinct reasons the taxonomy does not know, with every code and some out of range: the
    /// exported attribute values stay within the taxonomy's reasons, the code names and <c>_OTHER</c>.
    /// </summary>
    [Collection(TelemetryCollection.Name)]
    public sealed class CardinalityTests
    {
        private const int Reasons = 10_000;

        [Fact]
        public void Ten_thousand_unknown_reasons_stay_within_bounded_attribute_values()
        {
            using var capture = new TelemetryCapture();
            var random = new Random(20261207);
            using (TelemetryCapture.TestSource.StartActivity("receive"))
            {
                for (int i = 0; i < Reasons; i++)
                {
                    int code = random.Next(0, 25); // 17..24 are outside google.rpc.Code
                    var status = new Google.Rpc.Status { Code = code, Message = "message " + i };
                    status.Details.Add(Any.Pack(new Google.Rpc.ErrorInfo { Reason = "FUTURE_REASON_" + i, Domain = ErrorSdkTaxonomy.DomainName }));
                    ErrorSdkTaxonomy.Promote(status);
                }
            }

            var points = capture.PointsOf(ErrorTelemetryNames.ErrorsCounter);
            Assert.Equal(Reasons, points.Sum(p => p.Point.GetSumLong()));
            var knownReasons = new HashSet<string>(((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Kinds.Select(k => k.Reason)) { ErrorTelemetryNames.OtherErrorType };
            var errorTypes = points.Select(p => (string)p.Tags[ErrorTelemetryNames.ErrorType]!).Distinct().ToList();
            Assert.All(errorTypes, t => Assert.Contains(t, knownReasons));
            Assert.Contains(ErrorTelemetryNames.OtherErrorType, errorTypes);
            var codes = points.Select(p => (string)p.Tags[ErrorTelemetryNames.ErrorCode]!).Distinct().ToList();
            Assert.InRange(codes.Count, 1, 18);
            Assert.Contains(ErrorTelemetryNames.OtherErrorType, codes);
            Assert.DoesNotContain(points, p => p.Tags.ContainsKey("otel.metric.overflow"));

            var span = Assert.Single(capture.Spans);
            Assert.Equal(Reasons, span.Events.Count());
            Assert.DoesNotContain(capture.ExportedText(), text => text.Contains("FUTURE_REASON", StringComparison.Ordinal));
        }
    }
}
