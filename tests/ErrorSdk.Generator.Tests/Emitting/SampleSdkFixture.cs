using System;
using System.Collections.Generic;
using ErrorSdk.Generator.Tests.Pipeline;
using ErrorSdk.Testing;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>
    /// The SDK generated from the sample taxonomy, compiled with a probe class that uses it the way a consumer
    /// would (named arguments, interface checks), and loaded into a collectible context once per test class.
    /// </summary>
    public sealed class SampleSdkFixture : IDisposable
    {
        public const string Domain = "errors.acme.test";

        private const string ProbeSource = @"
using System;
using ErrorSdk;
using Acme.Errors;

namespace Probe
{
    public static class Api
    {
        public static IErrorTaxonomy Taxonomy => AcmeTaxonomy.Instance;

        public static TaxonomyException Promote(Google.Rpc.Status? status) => AcmeTaxonomy.Promote(status);

        public static TaxonomyException Upstream(string phrase, string rawBody) =>
            new UpstreamErrorException(
                statusCode: 503,
                statusPhrase: phrase,
                statusClass: ""5xx"",
                endpoint: new Uri(""https://user:pw@api.example.com/v1/items?token=abc#frag""),
                rawBody: rawBody,
                retryAfter: TimeSpan.FromSeconds(1.5));

        public static TaxonomyException Timeout() =>
            new UpstreamTimeoutException(
                statusClass: ""5xx"",
                statusCode: 504,
                statusPhrase: ""Gateway Timeout"",
                credential: ""SECRET-CREDENTIAL"",
                elapsed: TimeSpan.FromMilliseconds(1500),
                target: new Uri(""https://svc.example.com/a/b?sig=xyz""),
                partial: true,
                attemptCount: 3);

        public static TaxonomyException RateLimit(string provider, string? quota) =>
            new ToolRateLimitException(provider, quota: quota, retryAfter: TimeSpan.FromSeconds(2));

        public static TaxonomyException LegacyHard(int limit) => new LegacyQuotaHardException(limit: limit);

        public static TaxonomyException Invalid(string detail, string secret) => new InvalidInputException(detail, secret, hint: ""{0} %d"");

        public static bool IsToolError(object e) => e is IToolError;

        public static bool IsTooManyRequests(object e) => e is ITooManyRequests;

        public static bool IsToolRateLimit(object e) => e is IToolRateLimit;

        public static bool IsUpstreamError(object e) => e is IUpstreamError;

        public static string ProviderViaInterface(object e) => ((IToolError)e).Provider;

        public static string? QuotaViaSecondaryParent(object e) => ((ITooManyRequests)e).Quota;

        public static Exception? NullRequiredString()
        {
            try
            {
                _ = new ToolRateLimitException(null!);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        public static Exception? NullRequiredUri()
        {
            try
            {
                _ = new UpstreamTimeoutException(""5xx"", 504, ""x"", ""c"", TimeSpan.Zero, null!);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        public static Google.Rpc.Code CodeOf(int number) => AcmeTaxonomy.CodeOf((AcmeReason)number);

        public static int HttpStatusOf(int number) => AcmeTaxonomy.HttpStatusOf((AcmeReason)number);

        public static RetryPolicy RetryOf(int number) => AcmeTaxonomy.RetryOf((AcmeReason)number);

        public static KindInfo KindOf(int number) => AcmeTaxonomy.KindOf((AcmeReason)number);

        public static string ReasonOf(int number) => AcmeTaxonomy.ReasonOf((AcmeReason)number);

        public static int TryParseReason(string? reason) => AcmeTaxonomy.TryParseReason(reason, out var value) ? (int)value : -1;
    }
}
";

        private readonly LoadedAssembly _loaded;

        public SampleSdkFixture()
        {
            var run = GeneratorHarness.Run(
                new[] { new InMemoryAdditionalText("/src/Acme/taxonomy.json", TestFiles.SampleTaxonomy) },
                generator: null,
                parseOptions: null,
                ProbeSource);
            Assert.Empty(run.GeneratorDiagnostics);
            var problems = GeneratorHarness.Problems(run.Output.GetDiagnostics());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            _loaded = GeneratorHarness.Load(run.Output);
            Taxonomy = (IErrorTaxonomy)Call("get_Taxonomy")!;
        }

        public IErrorTaxonomy Taxonomy { get; }

        public Type Type(string name) => _loaded.Type(name.Contains('.') ? name : "Acme.Errors." + name);

        /// <summary>Calls a static method of the probe class.</summary>
        public object? Call(string method, params object?[] args) => _loaded.InvokeStatic("Probe.Api", method, args);

        public TaxonomyException Promote(Google.Rpc.Status? status) => (TaxonomyException)Call("Promote", status)!;

        /// <summary>A status carrying one ErrorInfo.</summary>
        public static Google.Rpc.Status StatusWith(int code, string reason, string domain = Domain, IDictionary<string, string>? metadata = null)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = reason, Domain = domain };
            if (metadata is not null)
            {
                info.Metadata.Add(metadata);
            }

            var status = new Google.Rpc.Status { Code = code, Message = "received message" };
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(info));
            return status;
        }

        /// <summary>The value of a public property of a generated exception.</summary>
        public static object? Property(object instance, string name) =>
            (instance.GetType().GetProperty(name) ?? throw new InvalidOperationException(instance.GetType() + " has no property " + name)).GetValue(instance);

        public void Dispose() => _loaded.Dispose();
    }
}
