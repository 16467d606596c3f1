using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Invariant 1 over the default taxonomy: every concrete kind, raised with random CsCheck field values through its
    /// typed constructor or through <c>IErrorTaxonomy.Create</c>, comes back from <c>Promote(e.ToStatus())</c> —
    /// directly, through the Status bytes and through gRPC trailers — as the same type with the same reason, code,
    /// fields (a uri sanitized; the sensitive rawBody never), metadata, message and retry delay.
    /// </summary>
    public sealed class RoundTripTests
    {
        internal static Gen<KindValues[]> EveryKind => Gens.Each(DefaultTaxonomy.Expected.Concrete.ToList(), FieldValues.For);

        [Fact]
        public void Every_kind_survives_the_wire_with_its_type_and_fields()
        {
            PropertyCheck.ForAll(EveryKind, Budget.RoundTripCases, all =>
            {
                foreach (var values in all)
                {
                    var local = values.ViaCreate
                        ? ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Create(values.Kind.Reason, values.Values.ToDictionary(v => v.Field.Name, v => v.Text), new TaxonomyExceptionOptions(values.RetryAfter, values.DeveloperMessage))!
                        : GeneratedSdk.Construct(values);
                    var where = values.ToString();
                    Expect.Equal(GeneratedSdk.Types[values.Kind.Reason].Class, local.GetType(), where + ": raised type");
                    ExpectFields(values, GeneratedSdk.Fields(local), sensitiveArrives: true, where + ": local");

                    var status = local.ToStatus();
                    foreach (var (path, received) in new[]
                    {
                        ("Status", status),
                        ("Status bytes", Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray())),
                        ("gRPC trailers", GrpcWire.FromTrailers(GrpcWire.ToTrailers(status))!),
                    })
                    {
                        foreach (var promoted in new[] { ErrorSdkTaxonomy.Promote(received), ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Promote(received) })
                        {
                            var at = where + " via " + path;
                            Expect.Equal(local.GetType(), promoted.GetType(), at + ": type");
                            Expect.Equal(local.Reason, promoted.Reason, at + ": Reason");
                            Expect.Equal(local.Code, promoted.Code, at + ": Code");
                            Expect.Equal(local.Message, promoted.Message, at + ": Message");
                            Expect.Equal(local.RetryAfter, promoted.RetryAfter, at + ": RetryAfter");
                            Expect.SameMetadata(local.Metadata, promoted.Metadata, at + ": Metadata");
                            ExpectFields(values, GeneratedSdk.Fields(promoted), sensitiveArrives: false, at);
                        }
                    }
                }
            });
        }

        [Fact]
        public void A_retry_delay_is_accepted_exactly_as_far_as_the_wire_can_carry_it()
        {
            var longest = FieldValues.MaxRetryDelay;
            var error = new ServiceUnavailableException(retryAfter: longest);
            Assert.Equal(longest, ErrorSdkTaxonomy.Promote(error.ToStatus()).RetryAfter);
            Assert.Equal(longest, ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Create("SERVICE_UNAVAILABLE", null, new TaxonomyExceptionOptions(retryAfter: longest))!.RetryAfter);

            foreach (var bad in new[] { longest + TimeSpan.FromTicks(1), TimeSpan.MaxValue, TimeSpan.FromTicks(-1), TimeSpan.MinValue })
            {
                var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceUnavailableException(retryAfter: bad));
                Assert.Equal("retryAfter", thrown.ParamName);
                Assert.Throws<ArgumentOutOfRangeException>(() => ((IErrorTaxonomy)ErrorSdkTaxonomy.Instance).Create("SERVICE_UNAVAILABLE", null, new TaxonomyExceptionOptions(retryAfter: bad)));
            }
        }

        private static void ExpectFields(KindValues values, IReadOnlyDictionary<string, object?> actual, bool sensitiveArrives, string where)
        {
            foreach (var field in values.Kind.AllFields)
            {
                if (field.Sensitive && !sensitiveArrives)
                {
                    Expect.True(actual[field.Name] is null || actual[field.Name] is string { Length: 0 }, where + ": sensitive " + field.Name + " arrived");
                    continue;
                }

                Expect.SameValue(values.ValueOf(field)?.Property, actual[field.Name], where + ": " + field.Name);
            }
        }
    }
}
