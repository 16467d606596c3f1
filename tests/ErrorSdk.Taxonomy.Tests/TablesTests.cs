using System;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Xunit;

namespace ErrorSdk.Taxonomy.Tests
{
    /// <summary>
    /// Invariant 2 over the default taxonomy: CodeOf/HttpStatusOf/RetryOf/ReasonOf/KindOf, ErrorSdkKinds, the
    /// IErrorTaxonomy view and every instance say what taxonomy.json declares after inheritance. Invariant 3 (positive):
    /// every kind's code classifies it right for a caller who reads only the code.
    /// </summary>
    public sealed class TablesTests
    {
        private static IErrorTaxonomy Taxonomy => ErrorSdkTaxonomy.Instance;

        [Fact]
        public void Every_concrete_kind_has_a_typed_constructor_here()
        {
            foreach (var kind in DefaultTaxonomy.Expected.Concrete)
            {
                var values = FieldValues.For(kind).Single();
                var error = GeneratedSdk.Construct(values);
                Assert.Equal(GeneratedSdk.Types[kind.Reason].Class, error.GetType());
                Assert.Equal(
                    kind.AllFields.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal),
                    GeneratedSdk.Fields(error).Keys.OrderBy(n => n, StringComparer.Ordinal));
            }

            Assert.Equal(DefaultTaxonomy.Expected.Kinds.Select(k => k.Reason).OrderBy(r => r, StringComparer.Ordinal), GeneratedSdk.Types.Keys.OrderBy(r => r, StringComparer.Ordinal));
        }

        [Fact]
        public void The_reason_enum_has_Unspecified_then_every_kind_by_number()
        {
            var expected = DefaultTaxonomy.Expected.Kinds.Select(k => k.PascalName + "=" + k.Model.Number).Append("Unspecified=0").OrderBy(s => s, StringComparer.Ordinal);
            var actual = Enum.GetValues<ErrorSdkReason>().Select(r => r + "=" + (int)r).OrderBy(s => s, StringComparer.Ordinal);
            Assert.Equal(expected, actual);
            Assert.Throws<ArgumentOutOfRangeException>(() => ErrorSdkTaxonomy.CodeOf(ErrorSdkReason.Unspecified));
            Assert.False(ErrorSdkTaxonomy.TryParseReason("NOT_A_REASON", out var none));
            Assert.Equal(ErrorSdkReason.Unspecified, none);
        }

        [Fact]
        public void Tables_KindInfo_and_instances_agree_with_taxonomy_json()
        {
            Assert.Equal("errorsdk.dev", Taxonomy.Domain);
            Assert.Equal(ErrorSdkTaxonomy.DomainName, DefaultTaxonomy.Expected.Model.Domain);
            Assert.Equal(DefaultTaxonomy.Expected.Kinds.Select(k => k.Model.Number).OrderBy(n => n), Taxonomy.Kinds.Select(k => k.Number));
            Assert.Same(ErrorSdkKinds.All, Taxonomy.Kinds);

            foreach (var kind in DefaultTaxonomy.Expected.Kinds)
            {
                var reason = (ErrorSdkReason)kind.Model.Number;
                var where = kind.Reason;
                Assert.True(ErrorSdkTaxonomy.TryParseReason(kind.Reason, out var parsed), where);
                Expect.Equal(reason, parsed, where + ": TryParseReason");
                Expect.Equal(kind.Reason, ErrorSdkTaxonomy.ReasonOf(reason), where + ": ReasonOf");
                Expect.Equal((Google.Rpc.Code)kind.CodeValue, ErrorSdkTaxonomy.CodeOf(reason), where + ": CodeOf");
                Expect.Equal(kind.HttpStatus, ErrorSdkTaxonomy.HttpStatusOf(reason), where + ": HttpStatusOf");
                Expect.Equal(kind.Retry, ErrorSdkTaxonomy.RetryOf(reason), where + ": RetryOf");

                var info = ErrorSdkTaxonomy.KindOf(reason);
                Assert.Same(Taxonomy.Kinds.Single(k => k.Reason == kind.Reason), info);
                Expect.Equal(kind.Model.Number, info.Number, where + ": Number");
                Expect.Equal("errorsdk.dev", info.Domain, where + ": Domain");
                Expect.Equal((Google.Rpc.Code)kind.CodeValue, info.Code, where + ": KindInfo.Code");
                Expect.Equal(kind.HttpStatus, info.HttpStatus, where + ": KindInfo.HttpStatus");
                Expect.Equal(kind.Retry, info.Retry, where + ": KindInfo.Retry");
                Expect.Equal(kind.Model.IsAbstract, info.IsAbstract, where + ": IsAbstract");
                Expect.Equal(kind.MessageTemplate, info.MessageTemplate, where + ": MessageTemplate");
                Expect.Equal(kind.Model.Deprecated, info.Deprecated, where + ": Deprecated");
                Expect.Equal(string.Join(",", kind.Model.Parents), string.Join(",", info.Parents), where + ": Parents");
                Expect.Equal(string.Join(",", kind.Ancestors.OrderBy(a => a, StringComparer.Ordinal)), string.Join(",", info.Ancestors.OrderBy(a => a, StringComparer.Ordinal)), where + ": Ancestors");
                Expect.Equal(
                    string.Join(",", kind.AllFields.Select(f => f.Name + ":" + f.Type + ":" + f.Optional + ":" + f.Sensitive)),
                    string.Join(",", info.Fields.Select(f => f.Name + ":" + f.Type + ":" + f.IsOptional + ":" + f.IsSensitive)),
                    where + ": Fields");
                Expect.Equal(string.Join(",", kind.Model.MatchHttpStatus), string.Join(",", info.HttpStatusMatch), where + ": HttpStatusMatch");
                Expect.Equal(string.Join(",", kind.Model.MatchTransport), string.Join(",", info.TransportMatch), where + ": TransportMatch");

                // Invariant 3: the code alone classifies the kind like its retry policy.
                Expect.True(GrpcCodes.IsConsistent(kind.Code, kind.Retry), where + ": " + kind.Code + " with retry " + kind.Retry + " breaks invariant 3");

                if (!kind.Model.IsAbstract)
                {
                    var error = GeneratedSdk.Construct(FieldValues.For(kind).Single());
                    Assert.Same(info, error.Kind);
                    Expect.Equal(kind.Reason, error.Reason, where + ": instance Reason");
                    Expect.Equal((Google.Rpc.Code)kind.CodeValue, error.Code, where + ": instance Code");
                    Expect.Equal(kind.HttpStatus, error.HttpStatus, where + ": instance HttpStatus");
                    Expect.Equal(kind.Retry, error.Retry, where + ": instance Retry");
                    Expect.Equal(kind.Retry != RetryPolicy.Never, error.IsRetryable, where + ": instance IsRetryable");
                }
                else
                {
                    Assert.Null(Taxonomy.Create(kind.Reason, null));
                    Assert.True(GeneratedSdk.Types[kind.Reason].Class.IsAbstract, where + ": an abstract kind's class cannot be instantiated");
                }
            }
        }

        [Fact]
        public void Inherited_and_overridden_values_of_the_default_taxonomy()
        {
            // A provider's 401 is UNAUTHENTICATED, but refreshing the platform's credentials does not fix it.
            Assert.Equal(Google.Rpc.Code.Unauthenticated, ErrorSdkTaxonomy.CodeOf(ErrorSdkReason.ToolUnauthorized));
            Assert.Equal(RetryPolicy.Never, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.ToolUnauthorized));
            Assert.Equal(RetryPolicy.Reauthenticate, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.Unauthenticated));
            Assert.Equal(401, ErrorSdkTaxonomy.HttpStatusOf(ErrorSdkReason.ToolUnauthorized));

            // A child that changes its code takes the new code's HTTP status, not its parent's (UNAVAILABLE, 503).
            Assert.Equal(400, ErrorSdkTaxonomy.HttpStatusOf(ErrorSdkReason.UpstreamBadRequest));
            Assert.Equal(503, ErrorSdkTaxonomy.HttpStatusOf(ErrorSdkReason.UpstreamServerError));
            Assert.Equal(RetryPolicy.Transient, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.UpstreamRequestTimeout));
            Assert.Equal(502, ErrorSdkTaxonomy.HttpStatusOf(ErrorSdkReason.NetworkTransportRedirectLimit));
            Assert.Equal(RetryPolicy.Never, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.NetworkTransportRedirectLimit));

            // The deprecated kind inherits everything from TOO_MANY_REQUESTS and is marked [Obsolete] (its enum member too).
#pragma warning disable CS0618
            Assert.Equal(Google.Rpc.Code.ResourceExhausted, ErrorSdkTaxonomy.CodeOf(ErrorSdkReason.QuotaExceeded));
            Assert.Equal(RetryPolicy.Throttled, ErrorSdkTaxonomy.RetryOf(ErrorSdkReason.QuotaExceeded));
            Assert.Equal(429, ErrorSdkTaxonomy.HttpStatusOf(ErrorSdkReason.QuotaExceeded));
#pragma warning restore CS0618
            Assert.True(GeneratedSdk.Types["QUOTA_EXCEEDED"].Class.IsDefined(typeof(ObsoleteAttribute), inherit: false));
        }
    }
}
