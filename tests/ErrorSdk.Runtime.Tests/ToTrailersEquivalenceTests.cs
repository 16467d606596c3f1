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
    /// ToTrailers encodes and FromTrailers decodes details through pooled buffers and cached code texts: for any status (codes inside and outside
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

        [Fact]
        public void Details_decode_as_DecodeBase64_and_the_parser_decode_them()
        {
            var random = new Random(9);
            for (int i = 0; i < 5_000; i++)
            {
                var status = new Google.Rpc.Status { Code = random.Next(17), Message = "m" + i };
                var value = new byte[random.Next(300)];
                random.NextBytes(value);
                status.Details.Add(new Any { TypeUrl = "type.example.com/x", Value = ByteString.CopyFrom(value) });
                var text = Convert.ToBase64String(status.ToByteArray());
                switch (random.Next(9))
                {
                    case 7:
                        // Another last character: often non-zero unused bits, which decoders treat differently.
                        text = text.TrimEnd('=');
                        text = text.Substring(0, text.Length - 1) + "AQgw+/-_"[random.Next(8)];
                        break;
                    case 0:
                        text = text.TrimEnd('=');
                        break;
                    case 1:
                        text = text.Replace('+', '-').Replace('/', '_').TrimEnd('=');
                        break;
                    case 2:
                        text = "  " + text + "\t ";
                        break;
                    case 3:
                        text = text.Insert(random.Next(text.Length), random.Next(2) == 0 ? " " : "\r\n");
                        break;
                    case 4:
                        text = text.Remove(random.Next(text.Length), 1);
                        break;
                    case 5:
                        text = text.Insert(random.Next(text.Length), "=*é".Substring(random.Next(3), 1));
                        break;
                    case 6:
                        text = text.Substring(0, random.Next(text.Length));
                        break;
                }

                var bytes = GrpcWire.DecodeBase64(text);
                Google.Rpc.Status? expected = null;
                try
                {
                    expected = bytes is null ? null : Google.Rpc.Status.Parser.ParseFrom(bytes);
                }
                catch (InvalidProtocolBufferException)
                {
                }

                var read = GrpcWire.FromTrailers(new[]
                {
                    new KeyValuePair<string, string>(GrpcWire.StatusHeader, status.Code.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, string>(GrpcWire.DetailsHeader, text),
                })!;
                var received = read.Details.Where(d => d.TypeUrl != GrpcWire.TrailerProblemTypeUrl).ToList();
                Assert.Equal(expected?.Details.ToList() ?? new List<Any>(), received);
                Assert.Equal(expected is null && text.Trim().Length > 0, read.Details.Any(d => d.TypeUrl == GrpcWire.TrailerProblemTypeUrl));
            }
        }
    }
}
