using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ErrorSdk.Generator.Tests.Emitting
{
    /// <summary>What the SDK generated from the sample taxonomy does at run time.</summary>
    public sealed class GeneratedBehaviourTests : IClassFixture<SampleSdkFixture>
    {
        private readonly SampleSdkFixture _sdk;

        public GeneratedBehaviourTests(SampleSdkFixture sdk)
        {
            _sdk = sdk;
        }

        [Fact]
        public void LocalError_MessageIsTheRenderedTemplate_WithValuesInsertedLiterally()
        {
            var e = (TaxonomyException)_sdk.Call("Upstream", "Bad {gateway} 100% %s {{x}} {0}", "SECRET-BODY")!;

            Assert.Equal("Upstream HTTP request failed (Bad {gateway} 100% %s {{x}} {0}, 5xx error).", e.Message);
            Assert.Equal("UPSTREAM_ERROR", e.Reason);
            Assert.Equal(SampleSdkFixture.Domain, e.Domain);
            Assert.Equal(Google.Rpc.Code.Unavailable, e.Code);
            Assert.Equal(503, e.HttpStatus);
            Assert.Equal(RetryPolicy.Transient, e.Retry);
            Assert.Equal(TimeSpan.FromSeconds(1.5), e.RetryAfter);
        }

        [Fact]
        public void TemplateBracesAndPercent_StayLiteral()
        {
            Assert.Equal(
                "Provider acme rate-limited the request (100% of {quota} used: 5/min).",
                ((Exception)_sdk.Call("RateLimit", "acme", "5/min")!).Message);
            Assert.Equal(
                "Provider acme rate-limited the request (100% of {quota} used: ).",
                ((Exception)_sdk.Call("RateLimit", "acme", null)!).Message);
            Assert.Equal("Hard quota {%s} hit: 95% \"used\"\\.", ((Exception)_sdk.Call("LegacyHard", 95)!).Message);
            Assert.Equal("Invalid input: {x} %d {literal} 100%.", ((Exception)_sdk.Call("Invalid", "{x} %d", "SECRET-VALUE")!).Message);
        }

        [Fact]
        public void AllFieldTypes_RenderWithTheFieldCodecFormats()
        {
            var e = (TaxonomyException)_sdk.Call("Timeout")!;
            Assert.Equal("Upstream timed out after 1.5s at https://svc.example.com/a/b (partial: true, attempts: 3, budget: ).", e.Message);
            Assert.Equal("1.5s", e.Metadata["elapsed"]);
            Assert.Equal("true", e.Metadata["partial"]);
            Assert.Equal("3", e.Metadata["attemptCount"]);
            Assert.Equal("504", e.Metadata["statusCode"]);
            Assert.Equal("https://svc.example.com/a/b", e.Metadata["target"]);
            Assert.False(e.Metadata.ContainsKey("retryBudget"));
            Assert.False(e.Metadata.ContainsKey("endpoint"));
        }

        [Fact]
        public void SensitiveValues_NeverReachTheMessageMetadataOrWire()
        {
            var errors = new[]
            {
                (TaxonomyException)_sdk.Call("Upstream", "Bad Gateway", "SECRET-BODY")!,
                (TaxonomyException)_sdk.Call("Timeout")!,
                (TaxonomyException)_sdk.Call("Invalid", "bad", "SECRET-VALUE")!,
            };

            foreach (var e in errors)
            {
                var status = e.ToStatus();
                var wire = status.ToString() + Convert.ToBase64String(status.ToByteArray()) + System.Text.Encoding.UTF8.GetString(status.ToByteArray());
                Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("SECRET", wire, StringComparison.Ordinal);
                Assert.DoesNotContain(e.Metadata.Values, v => v.Contains("SECRET", StringComparison.Ordinal));
            }

            // Still available locally, for the developer.
            Assert.Equal("SECRET-BODY", SampleSdkFixture.Property(errors[0], "RawBody"));
            Assert.False(errors[0].Metadata.ContainsKey("rawBody"));
        }

        [Fact]
        public void UriFields_AreSanitizedBeforeAnyUse()
        {
            var e = (TaxonomyException)_sdk.Call("Upstream", "Bad Gateway", "body")!;
            Assert.Equal(new Uri("https://api.example.com/v1/items"), SampleSdkFixture.Property(e, "Endpoint"));
            Assert.Equal("https://api.example.com/v1/items", e.Metadata["endpoint"]);
            var wire = e.ToStatus().ToString();
            Assert.DoesNotContain("token", wire, StringComparison.Ordinal);
            Assert.DoesNotContain("user", wire, StringComparison.Ordinal);
            Assert.DoesNotContain("frag", wire, StringComparison.Ordinal);
            Assert.DoesNotContain("sig=", ((Exception)_sdk.Call("Timeout")!).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RequiredReferenceArguments_AreNullChecked()
        {
            Assert.IsType<ArgumentNullException>(_sdk.Call("NullRequiredString"));
            Assert.IsType<ArgumentNullException>(_sdk.Call("NullRequiredUri"));
        }

        [Fact]
        public void EveryConcreteKind_RoundTripsThroughStatusBytesAndTrailers()
        {
            foreach (var kind in _sdk.Taxonomy.Kinds.Where(k => !k.IsAbstract))
            {
                var fields = SampleValues(kind);
                var local = _sdk.Taxonomy.Create(kind.Reason, fields, new TaxonomyExceptionOptions(retryAfter: TimeSpan.FromMilliseconds(2500)));
                Assert.NotNull(local);
                Assert.Same(kind, local!.Kind);

                var status = local.ToStatus();
                var viaBytes = Google.Rpc.Status.Parser.ParseFrom(status.ToByteArray());
                var viaTrailers = GrpcWire.FromTrailers(GrpcWire.ToTrailers(status));
                foreach (var received in new[] { status, viaBytes, viaTrailers })
                {
                    var promoted = _sdk.Promote(received);
                    Assert.Equal(local.GetType(), promoted.GetType());
                    Assert.Equal(local.Reason, promoted.Reason);
                    Assert.Equal(local.Code, promoted.Code);
                    Assert.Equal(local.Message, promoted.Message);
                    Assert.Equal(local.RetryAfter, promoted.RetryAfter);
                    Assert.Equal(local.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal), promoted.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal));
                    Assert.Same(received, promoted.ReceivedStatus);
                    foreach (var field in kind.Fields)
                    {
                        var property = Pascal(field.Name);
                        var expected = field.IsSensitive ? Missing(field) : SampleSdkFixture.Property(local, property);
                        Assert.Equal(expected, SampleSdkFixture.Property(promoted, property));
                    }
                }
            }
        }

        [Fact]
        public void Create_FillsMissingRequiredValues_AndRejectsUnknownAndAbstractReasons()
        {
            var timeout = _sdk.Taxonomy.Create("UPSTREAM_TIMEOUT", new Dictionary<string, string> { ["statusCode"] = "not a number" });
            Assert.NotNull(timeout);
            Assert.Equal(string.Empty, SampleSdkFixture.Property(timeout!, "StatusPhrase"));
            Assert.Equal(0, SampleSdkFixture.Property(timeout!, "StatusCode"));
            Assert.Equal(TimeSpan.Zero, SampleSdkFixture.Property(timeout!, "Elapsed"));
            Assert.Null(SampleSdkFixture.Property(timeout!, "Target"));
            Assert.Null(SampleSdkFixture.Property(timeout!, "Partial"));

            Assert.NotNull(_sdk.Taxonomy.Create("TOOL_FAILED", null));
            Assert.Null(_sdk.Taxonomy.Create("TOOL_ERROR", null));
            Assert.Null(_sdk.Taxonomy.Create("NO_SUCH_REASON", null));
        }

        [Fact]
        public void Aliases_RouteOnReasonAndCode()
        {
            Assert.Equal("ToolRateLimitException", _sdk.Promote(SampleSdkFixture.StatusWith(8, "TOOL_ERROR")).GetType().Name);
            Assert.Equal("ToolRateLimitException", _sdk.Promote(SampleSdkFixture.StatusWith(8, "RATE_LIMITED_LEGACY")).GetType().Name);
            // The legacy reason with another code is no alias: unknown reason, no fallback for UNKNOWN.
            Assert.IsType<UnclassifiedException>(_sdk.Promote(SampleSdkFixture.StatusWith(2, "RATE_LIMITED_LEGACY")));
        }

        [Fact]
        public void Fallbacks_RouteOnTheCodeWhenNoReasonIsKnown()
        {
            Assert.Equal("TooManyRequestsException", _sdk.Promote(new Google.Rpc.Status { Code = 8 }).GetType().Name);
            Assert.Equal("InvalidInputException", _sdk.Promote(SampleSdkFixture.StatusWith(3, "SOMETHING_NEW")).GetType().Name);
            // A foreign domain's reason is not ours, even when it spells one of ours.
            var foreign = _sdk.Promote(SampleSdkFixture.StatusWith(14, "TOOL_FAILED", domain: "other.example"));
            Assert.Equal("UpstreamErrorException", foreign.GetType().Name);
        }

        [Fact]
        public void AbstractReasonOnTheWire_IsTreatedAsUnknown()
        {
            var unknownCode = _sdk.Promote(SampleSdkFixture.StatusWith(2, "TOOL_ERROR"));
            Assert.IsType<UnclassifiedException>(unknownCode);
            Assert.Equal("TOOL_ERROR", unknownCode.Reason);
            Assert.Equal("UpstreamErrorException", _sdk.Promote(SampleSdkFixture.StatusWith(14, "TOOL_ERROR")).GetType().Name);
        }

        [Fact]
        public void UnknownReason_GivesUnclassified_KeepingTheRawStatus()
        {
            var status = SampleSdkFixture.StatusWith(9, "BRAND_NEW_REASON", metadata: new Dictionary<string, string> { ["k"] = "v" });
            var e = _sdk.Promote(status);
            var unclassified = Assert.IsType<UnclassifiedException>(e);
            Assert.Same(status, unclassified.ReceivedStatus);
            Assert.Equal("BRAND_NEW_REASON", e.Reason);
            Assert.Equal(Google.Rpc.Code.FailedPrecondition, e.Code);
            Assert.Equal("v", e.Metadata["k"]);
            Assert.Equal("received message", e.Message);
        }

        [Fact]
        public void Promote_IsTotal_ForNullAndMalformedStatuses()
        {
            Assert.IsType<UnclassifiedException>(_sdk.Promote(null));

            var garbage = new Google.Rpc.Status { Code = 8 };
            garbage.Details.Add(new Any { TypeUrl = "type.googleapis.com/google.rpc.ErrorInfo", Value = ByteString.CopyFrom(0xFF, 0xFF, 0x01) });
            Assert.Equal("TooManyRequestsException", _sdk.Promote(garbage).GetType().Name);

            var unparsable = SampleSdkFixture.StatusWith(14, "UPSTREAM_TIMEOUT", metadata: new Dictionary<string, string>
            {
                ["statusCode"] = "five hundred",
                ["elapsed"] = "forever",
                ["target"] = "not a uri",
                ["partial"] = "maybe",
            });
            var e = _sdk.Promote(unparsable);
            Assert.Equal("UpstreamTimeoutException", e.GetType().Name);
            Assert.Equal(0, SampleSdkFixture.Property(e, "StatusCode"));
            Assert.Equal(TimeSpan.Zero, SampleSdkFixture.Property(e, "Elapsed"));
            Assert.Null(SampleSdkFixture.Property(e, "Target"));
            Assert.Null(SampleSdkFixture.Property(e, "Partial"));
            Assert.Equal("five hundred", e.Metadata["statusCode"]);
        }

        [Fact]
        public void Promote_NeverThrows_ForRandomStatuses()
        {
            var reasons = _sdk.Taxonomy.Kinds.Select(k => k.Reason).Concat(new[] { "TOOL_ERROR", "RATE_LIMITED_LEGACY", "", "x", "UNKNOWN_ONE" }).ToArray();
            var random = new Random(20261121);
            for (int i = 0; i < 2000; i++)
            {
                var status = new Google.Rpc.Status { Code = random.Next(-3, 20), Message = "m" + i };
                int details = random.Next(0, 4);
                for (int d = 0; d < details; d++)
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            var bytes = new byte[random.Next(0, 16)];
                            random.NextBytes(bytes);
                            status.Details.Add(new Any { TypeUrl = random.Next(2) == 0 ? "type.googleapis.com/google.rpc.ErrorInfo" : "type.googleapis.com/x.Y", Value = ByteString.CopyFrom(bytes) });
                            break;
                        case 1:
                            var info = new Google.Rpc.ErrorInfo { Reason = reasons[random.Next(reasons.Length)], Domain = random.Next(4) == 0 ? "other" : SampleSdkFixture.Domain };
                            foreach (var key in new[] { "statusCode", "elapsed", "target", "partial", "provider", "quota", "limit", "rawBody" })
                            {
                                if (random.Next(2) == 0)
                                {
                                    info.Metadata[key] = RandomText(random);
                                }
                            }

                            status.Details.Add(Any.Pack(info));
                            break;
                        default:
                            status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = new Duration { Seconds = random.Next(-5, 5), Nanos = random.Next(-2, 2) } }));
                            break;
                    }
                }

                var e = _sdk.Promote(status);
                Assert.Same(status, e.ReceivedStatus);
                Assert.NotNull(e.Message);
            }
        }

        [Fact]
        public void Interfaces_HoldForEveryAncestorByAnyPath()
        {
            var rateLimit = _sdk.Call("RateLimit", "acme", "10/s")!;
            Assert.True((bool)_sdk.Call("IsToolRateLimit", rateLimit)!);
            Assert.True((bool)_sdk.Call("IsToolError", rateLimit)!);
            Assert.True((bool)_sdk.Call("IsTooManyRequests", rateLimit)!);
            Assert.False((bool)_sdk.Call("IsUpstreamError", rateLimit)!);
            Assert.Equal("acme", _sdk.Call("ProviderViaInterface", rateLimit));
            Assert.Equal("10/s", _sdk.Call("QuotaViaSecondaryParent", rateLimit));

            var hard = _sdk.Call("LegacyHard", 1)!;
            Assert.True((bool)_sdk.Call("IsTooManyRequests", hard)!);
            Assert.False((bool)_sdk.Call("IsToolError", hard)!);

            var promoted = _sdk.Promote(SampleSdkFixture.StatusWith(8, "TOOL_RATE_LIMIT"));
            Assert.True((bool)_sdk.Call("IsToolError", promoted)!);
            Assert.True((bool)_sdk.Call("IsTooManyRequests", promoted)!);
        }

        [Fact]
        public void ClassShapes_FollowTheTaxonomy()
        {
            Assert.True(_sdk.Type("ToolErrorException").IsAbstract);
            Assert.True(_sdk.Type("ToolRateLimitException").IsSealed);
            Assert.False(_sdk.Type("UpstreamErrorException").IsSealed);
            Assert.False(_sdk.Type("UpstreamErrorException").IsAbstract);
            Assert.Equal(_sdk.Type("ToolErrorException"), _sdk.Type("ToolRateLimitException").BaseType);
            Assert.Equal(typeof(TaxonomyException), _sdk.Type("ToolErrorException").BaseType);

            var obsolete = Assert.Single(_sdk.Type("LegacyQuotaException").GetCustomAttributes(typeof(ObsoleteAttribute), false));
            Assert.Equal("Use TOO_MANY_REQUESTS; the legacy quota system is retired.", ((ObsoleteAttribute)obsolete).Message);
            Assert.Empty(_sdk.Type("LegacyQuotaHardException").GetCustomAttributes(typeof(ObsoleteAttribute), false));

            // An interface exposes only its kind's own fields.
            Assert.Equal(new[] { "Provider" }, _sdk.Type("IToolError").GetProperties().Select(p => p.Name));
            Assert.Equal(new[] { "Quota" }, _sdk.Type("IToolRateLimit").GetProperties().Select(p => p.Name));
            Assert.Equal(typeof(Uri), _sdk.Type("UpstreamTimeoutException").GetProperty("Target")!.PropertyType);
        }

        [Fact]
        public void Tables_AgreeWithTheKinds()
        {
            Assert.Equal(_sdk.Taxonomy.Kinds.Select(k => k.Number).OrderBy(n => n), _sdk.Taxonomy.Kinds.Select(k => k.Number));
            Assert.Equal(SampleSdkFixture.Domain, _sdk.Taxonomy.Domain);
            foreach (var kind in _sdk.Taxonomy.Kinds)
            {
                Assert.Equal(kind.Code, _sdk.Call("CodeOf", kind.Number));
                Assert.Equal(kind.HttpStatus, _sdk.Call("HttpStatusOf", kind.Number));
                Assert.Equal(kind.Retry, _sdk.Call("RetryOf", kind.Number));
                Assert.Same(kind, _sdk.Call("KindOf", kind.Number));
                Assert.Equal(kind.Reason, _sdk.Call("ReasonOf", kind.Number));
                Assert.Equal(kind.Number, _sdk.Call("TryParseReason", kind.Reason));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => _sdk.Call("CodeOf", 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => _sdk.Call("HttpStatusOf", 999));
            Assert.Equal(-1, _sdk.Call("TryParseReason", "NOPE"));
            Assert.Equal(-1, _sdk.Call("TryParseReason", (string?)null));

            var rateLimit = _sdk.Taxonomy.Kinds.Single(k => k.Reason == "TOOL_RATE_LIMIT");
            Assert.Equal(new[] { "TOOL_ERROR", "TOO_MANY_REQUESTS" }, rateLimit.Parents);
            Assert.Equal(new[] { "provider", "quota" }, rateLimit.Fields.Select(f => f.Name));
            var upstream = _sdk.Taxonomy.Kinds.Single(k => k.Reason == "UPSTREAM_ERROR");
            Assert.Equal(new[] { "5xx", "429" }, upstream.HttpStatusMatch);
            Assert.True(upstream.Fields.Single(f => f.Name == "rawBody").IsSensitive);
            Assert.Equal("Use TOO_MANY_REQUESTS; the legacy quota system is retired.", _sdk.Taxonomy.Kinds.Single(k => k.Reason == "LEGACY_QUOTA").Deprecated);
        }

        private static Dictionary<string, string> SampleValues(KindInfo kind)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in kind.Fields)
            {
                values[field.Name] = field.Type switch
                {
                    FieldType.String => "value of " + field.Name + " {0} 100% {{x}}",
                    FieldType.Int => "-42",
                    FieldType.Bool => "true",
                    FieldType.Duration => "1.5s",
                    FieldType.Uri => "https://host.example/p/" + field.Name,
                    _ => throw new ArgumentOutOfRangeException(nameof(kind)),
                };
            }

            return values;
        }

        private static object? Missing(FieldInfo field) =>
            field.IsOptional || field.Type == FieldType.Uri ? null : field.Type switch
            {
                FieldType.String => string.Empty,
                FieldType.Int => 0,
                FieldType.Bool => false,
                _ => TimeSpan.Zero,
            };

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        private static string RandomText(Random random)
        {
            var pool = new[] { "", "0", "-1", "2147483648", "1.5s", "-3s", "1e3s", "true", "False", "https://a.b/c?d#e", "//x", "{}", "%", "\u2028", "ü" };
            return pool[random.Next(pool.Length)];
        }
    }
}
