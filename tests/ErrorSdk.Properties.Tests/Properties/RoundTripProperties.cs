using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Google.Protobuf;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 1: for every concrete kind and any field values, <c>Promote(e.ToStatus())</c> — directly, through
    /// the Status bytes and through the gRPC trailers — gives the same type, reason, code, fields and retry delay.
    /// </summary>
    public sealed class RoundTripProperties
    {
        [Fact]
        public void Promote_of_ToStatus_gives_back_the_same_error_directly_through_bytes_and_through_trailers()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from values in ValuesForEveryKind(new ResolvedTaxonomy(model)).List[PropertyBudget.RoundTripValueCases]
                select new TaxonomyCase<IReadOnlyList<KindValues[]>>(model, layout, values);

            PropertyCheck.ForAll(cases, PropertyBudget.RoundTripTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                foreach (var values in c.Values.SelectMany(v => v))
                {
                    RoundTrip(compiled, values);
                }
            });
        }

        /// <summary>Random values for every concrete kind of the taxonomy: one value case.</summary>
        internal static Gen<KindValues[]> ValuesForEveryKind(ResolvedTaxonomy taxonomy) =>
            Gens.Each(taxonomy.Concrete.ToList(), FieldValues.For);

        private static void RoundTrip(CompiledTaxonomy compiled, KindValues values)
        {
            var local = compiled.Raise(values);
            var where = values.ToString();
            ExpectLocal(compiled, values, local, where);

            var status = local.ToStatus();
            var paths = new (string Name, Google.Rpc.Status Status)[]
            {
                ("Status", status),
                ("Status bytes", Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray())),
                ("gRPC trailers", GrpcWire.FromTrailers(GrpcWire.ToTrailers(status)) ?? throw new InvalidOperationException("no status from trailers")),
            };
            foreach (var (name, received) in paths)
            {
                ExpectSame(values, local, compiled.Instance.Promote(received), where + ", " + name + ", IErrorTaxonomy.Promote");
                ExpectSame(values, local, compiled.StaticPromote(received), where + ", " + name + ", static Promote");
            }
        }

        /// <summary>The locally raised error holds what it was given: type, tables, fields, metadata, retry delay.</summary>
        private static void ExpectLocal(CompiledTaxonomy compiled, KindValues values, TaxonomyException local, string where)
        {
            var kind = values.Kind;
            Expect.Equal(compiled.ExceptionType(kind), local.GetType(), where + ": type");
            Expect.Equal(kind.Reason, local.Reason, where + ": Reason");
            Expect.Equal(compiled.Expected.Model.Domain, local.Domain, where + ": Domain");
            Expect.Equal((Google.Rpc.Code)kind.CodeValue, local.Code, where + ": Code");
            Expect.Equal(values.RetryAfter, local.RetryAfter, where + ": RetryAfter");
            Expect.Equal(null, local.ReceivedStatus, where + ": ReceivedStatus of a local error");
            foreach (var field in kind.AllFields)
            {
                var value = values.ValueOf(field);
                Expect.SameValue(value?.Property, CompiledTaxonomy.Property(local, field), where + ": property " + field.PropertyName);
            }

            var metadata = kind.WireFields
                .Select(values.ValueOf)
                .Where(v => v is not null)
                .ToDictionary(v => v!.Field.Name, v => v!.Wire, StringComparer.Ordinal);
            Expect.SameMetadata(metadata, local.Metadata, where + ": Metadata");
        }

        /// <summary>The promoted error is the local one again; sensitive fields stayed home.</summary>
        private static void ExpectSame(KindValues values, TaxonomyException local, TaxonomyException promoted, string where)
        {
            Expect.Equal(local.GetType(), promoted.GetType(), where + ": type");
            Expect.Equal(local.Reason, promoted.Reason, where + ": Reason");
            Expect.Equal(local.Domain, promoted.Domain, where + ": Domain");
            Expect.Equal(local.Code, promoted.Code, where + ": Code");
            Expect.Equal(local.Retry, promoted.Retry, where + ": Retry");
            Expect.Equal(local.RetryAfter, promoted.RetryAfter, where + ": RetryAfter");
            Expect.Equal(local.Message, promoted.Message, where + ": Message");
            Expect.SameMetadata(local.Metadata, promoted.Metadata, where + ": Metadata");
            Expect.True(promoted.ReceivedStatus is not null, where + ": ReceivedStatus kept");
            foreach (var field in values.Kind.AllFields)
            {
                var actual = CompiledTaxonomy.Property(promoted, field);
                if (field.Sensitive)
                {
                    Expect.True(IsEmpty(actual), where + ": sensitive " + field.PropertyName + " must not arrive, got " + Expect.Show(actual));
                }
                else
                {
                    Expect.SameValue(CompiledTaxonomy.Property(local, field), actual, where + ": property " + field.PropertyName);
                }
            }
        }

        private static bool IsEmpty(object? value) => value switch
        {
            null => true,
            string s => s.Length == 0,
            int i => i == 0,
            bool b => !b,
            TimeSpan t => t == TimeSpan.Zero,
            _ => false,
        };
    }
}
