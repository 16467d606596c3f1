using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Tests
{
    /// <summary>
    /// ToTrailers encodes through pooled buffers and cached code texts: for any status (codes inside and outside
    /// the table, empty and large details, messages that need percent-encoding) the trailers are the ones the
    /// straightforward encoding gives, and they read back to the same status.
    /// </summary>
    public class ToTrailersEquivalenceTests
    {
        [Fact]
        public void Trailers_match_the_straightforward_encoding()
        {
            var random = new Random(5);
            for (int i = 0; i < 3_000; i++)
            {
                var status = new Google.Rpc.Status
                {
                    Code = random.Next(6) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(-2, 20),
                    Message = random.Next(4) == 0 ? string.Empty : new string('é', random.Next(3)) + "message " + i + (random.Next(3) == 0 ? " 100%" : string.Empty),
                };
                int details = random.Next(4);
                for (int d = 0; d < details; d++)
                {
                    var value = new byte[random.Next(random.Next(5) == 0 ? 5_000 : 40)];
                    random.NextBytes(value);
                    status.Details.Add(new Any { TypeUrl = "type.example.com/t" + d, Value = ByteString.CopyFrom(value) });
                }

                var expected = new List<KeyValuePair<string, string>>
                {
                    new KeyValuePair<string, string>(GrpcWire.StatusHeader, status.Code.ToString(CultureInfo.InvariantCulture)),
                };
                if (status.Message.Length > 0)
                {
                    expected.Add(new KeyValuePair<string, string>(GrpcWire.MessageHeader, GrpcWire.PercentEncode(status.Message)));
                }

                if (status.Details.Count > 0)
                {
                    expected.Add(new KeyValuePair<string, string>(GrpcWire.DetailsHeader, Convert.ToBase64String(status.ToByteArray()).TrimEnd('=')));
                }

                var trailers = GrpcWire.ToTrailers(status);
                Assert.Equal(expected, trailers.ToList());
                if (status.Details.Count > 0)
                {
                    var back = GrpcWire.FromTrailers(trailers)!;
                    Assert.Equal(status.Details, back.Details.Where(d => d.TypeUrl != GrpcWire.TrailerProblemTypeUrl));
                }
            }
        }
    }
}
