using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorSdk.Taxonomy;
using Xunit;

namespace ErrorSdk.Grpc.Tests.Infrastructure
{
    /// <summary>Every concrete kind of the default taxonomy, raised with sample values of each field type.</summary>
    public static class Kinds
    {
        public static IErrorTaxonomy Taxonomy => ErrorSdkTaxonomy.Instance;

        /// <summary>The reasons of every non-abstract kind.</summary>
        public static IReadOnlyList<string> Concrete { get; } = Taxonomy.Kinds.Where(k => !k.IsAbstract).Select(k => k.Reason).ToList();

        public static TheoryData<string> ConcreteReasons()
        {
            var data = new TheoryData<string>();
            foreach (var reason in Concrete)
            {
                data.Add(reason);
            }

            return data;
        }

        /// <summary>
        /// The error the server raises for <paramref name="reason"/>: every field set (a literal % and braces in strings,
        /// a secret in sensitive ones), and a retry delay for every retryable kind.
        /// </summary>
        public static TaxonomyException Create(string reason)
        {
            var kind = Taxonomy.Kinds.Single(k => k.Reason == reason);
            var fields = kind.Fields.ToDictionary(f => f.Name, f => Sample(f));
            var retryAfter = kind.Retry == RetryPolicy.Never ? (TimeSpan?)null : TimeSpan.FromMilliseconds(1500);
            return Taxonomy.Create(reason, fields, new TaxonomyExceptionOptions(retryAfter: retryAfter, developerMessage: "local detail password=hunter2"))
                ?? throw new InvalidOperationException("no concrete kind " + reason);
        }

        /// <summary>Asserts that <paramref name="received"/>, promoted on the client, is <paramref name="sent"/> as it left the server.</summary>
        public static void AssertRoundTrip(TaxonomyException sent, TaxonomyException received, string shape)
        {
            var what = sent.Reason + " via " + shape;
            Assert.True(sent.GetType() == received.GetType(), what + ": type " + received.GetType().Name);
            Assert.Equal(sent.Reason, received.Reason);
            Assert.Equal(sent.Code, received.Code);
            Assert.Equal(sent.Retry, received.Retry);
            Assert.Equal(sent.RetryAfter, received.RetryAfter);
            Assert.Equal(sent.Message, received.Message);
            Assert.Equal(sent.OutwardMetadata.OrderBy(e => e.Key, StringComparer.Ordinal), received.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.True(received.Received!.Problems.Count == 0, what + ": " + string.Join("; ", received.Received.Problems));
            Assert.Null(received.DeveloperMessage);
            var rpc = Assert.IsType<global::Grpc.Core.RpcException>(received.InnerException);
            Assert.Equal((int)sent.Code, (int)rpc.StatusCode);
            foreach (var field in sent.Kind!.Fields.Where(f => f.IsSensitive))
            {
                Assert.DoesNotContain("secret-" + field.Name, received.ReceivedStatus!.ToString(), StringComparison.Ordinal);
            }
        }

        private static string Sample(FieldInfo field)
        {
            if (field.IsSensitive)
            {
                return "secret-" + field.Name;
            }

            return field.Type switch
            {
                FieldType.Int => "42",
                FieldType.Bool => "true",
                FieldType.Duration => "1.5s",
                FieldType.Uri => "https://api.example.test/v1/" + field.Name,
                _ => field.Name + " 100% {literal}",
            };
        }

        internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
