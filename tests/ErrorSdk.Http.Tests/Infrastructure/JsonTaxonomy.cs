using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ErrorSdk.Http.Tests.Infrastructure
{
    /// <summary>
    /// TEST-ONLY: a small <see cref="IErrorTaxonomy"/> read from taxonomy JSON text at run time (inheritance of code,
    /// retry, message and fields along the first parent; fallback_for; match), for the adapter's fallback routes,
    /// which need taxonomies unlike the default one. Not a substitute for the generator.
    /// </summary>
    public sealed class JsonTaxonomy : IErrorTaxonomy
    {
        private readonly Dictionary<string, KindInfo> _byReason;
        private readonly Dictionary<int, KindInfo> _fallbacks;

        private JsonTaxonomy(string domain, IReadOnlyList<KindInfo> kinds, Dictionary<int, KindInfo> fallbacks)
        {
            Domain = domain;
            Kinds = kinds;
            _byReason = kinds.ToDictionary(k => k.Reason, StringComparer.Ordinal);
            _fallbacks = fallbacks;
        }

        public string Domain { get; }

        public IReadOnlyList<KindInfo> Kinds { get; }

        public static JsonTaxonomy Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var domain = root.GetProperty("domain").GetString()!;
            var raw = root.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            var kinds = new Dictionary<string, KindInfo>();
            var fallbacks = new Dictionary<int, KindInfo>();
            KindInfo Build(string reason)
            {
                if (kinds.TryGetValue(reason, out var built))
                {
                    return built;
                }

                var e = raw[reason];
                var parents = e.TryGetProperty("parents", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToList() : new List<string>();
                var first = parents.Count > 0 ? Build(parents[0]) : null;
                var code = e.TryGetProperty("code", out var c) ? CodeOf(c.GetString()!) : first?.Code ?? Google.Rpc.Code.Unknown;
                var retry = e.TryGetProperty("retry", out var r) ? ParseRetry(r.GetString()!) : first?.Retry ?? RetryPolicy.Never;
                var message = e.TryGetProperty("message", out var m) ? m.GetString()! : first?.MessageTemplate ?? string.Empty;
                int http = e.TryGetProperty("http", out var h) ? h.GetInt32() : HttpOf(code);
                var fields = new List<FieldInfo>(first?.Fields ?? Array.Empty<FieldInfo>());
                if (e.TryGetProperty("fields", out var f))
                {
                    foreach (var field in f.EnumerateObject())
                    {
                        fields.Add(new FieldInfo(
                            field.Name,
                            Enum.Parse<FieldType>(field.Value.GetProperty("type").GetString()!, ignoreCase: true),
                            field.Value.TryGetProperty("optional", out var o) && o.GetBoolean(),
                            field.Value.TryGetProperty("sensitive", out var s) && s.GetBoolean(),
                            string.Empty));
                    }
                }

                var statusMatch = new List<string>();
                var transportMatch = new List<string>();
                if (e.TryGetProperty("match", out var match))
                {
                    if (match.TryGetProperty("http_status", out var hs))
                    {
                        statusMatch.AddRange(hs.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetInt32().ToString() : x.GetString()!));
                    }

                    if (match.TryGetProperty("transport", out var tr))
                    {
                        transportMatch.AddRange(tr.EnumerateArray().Select(x => x.GetString()!));
                    }
                }

                var kind = new KindInfo(
                    reason, domain, e.GetProperty("number").GetInt32(), code, http, retry, parents, parents, e.TryGetProperty("abstract", out var a) && a.GetBoolean(),
                    message, fields, e.GetProperty("description").GetString()!, statusMatch, transportMatch, null);
                kinds[reason] = kind;
                if (e.TryGetProperty("fallback_for", out var fb))
                {
                    foreach (var x in fb.EnumerateArray())
                    {
                        fallbacks[(int)CodeOf(x.GetString()!)] = kind;
                    }
                }

                return kind;
            }

            foreach (var reason in raw.Keys)
            {
                Build(reason);
            }

            return new JsonTaxonomy(domain, kinds.Values.OrderBy(k => k.Number).ToList(), fallbacks);
        }

        public TaxonomyException Promote(Google.Rpc.Status status) => Promote(status, WireLimits.Default);

        public TaxonomyException Promote(Google.Rpc.Status status, WireLimits limits)
        {
            var received = ReceivedError.Read(status, Domain, limits);
            if (received.IsTaxonomyDomain && received.Reason is { } reason && _byReason.TryGetValue(reason, out var kind) && !kind.IsAbstract)
            {
                return new JsonKindException(kind, TaxonomyExceptionInit.Promoted(received), null);
            }

            return _fallbacks.TryGetValue(status.Code, out var fallback)
                ? new JsonKindException(fallback, TaxonomyExceptionInit.Promoted(received), null)
                : new UnclassifiedException(received);
        }

        public TaxonomyException? Create(string reason, IReadOnlyDictionary<string, string>? fields, TaxonomyExceptionOptions options = default)
        {
            if (!_byReason.TryGetValue(reason, out var kind) || kind.IsAbstract)
            {
                return null;
            }

            var values = kind.Fields.Where(f => fields is not null && fields.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => fields![f.Name]);
            foreach (var field in kind.Fields)
            {
                if (!field.IsOptional && !values.ContainsKey(field.Name))
                {
                    throw new ArgumentException("Missing required field " + field.Name, nameof(fields));
                }
            }

            var message = kind.MessageTemplate;
            foreach (var value in values)
            {
                message = message.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal);
            }

            var init = TaxonomyExceptionInit.Local(message, options.RetryAfter, options.DeveloperMessage, options.InnerException);
            return new JsonKindException(kind, init, values.Where(v => !kind.Fields.First(f => f.Name == v.Key).IsSensitive).ToDictionary(v => v.Key, v => v.Value));
        }

        public static Google.Rpc.Code CodeOf(string name) =>
            Enum.Parse<Google.Rpc.Code>(string.Concat(name.Split('_').Select(w => w[0] + w.Substring(1).ToLowerInvariant())));

        private static int HttpOf(Google.Rpc.Code code) => code switch
        {
            Google.Rpc.Code.Ok => 200,
            Google.Rpc.Code.Cancelled => 499,
            Google.Rpc.Code.InvalidArgument or Google.Rpc.Code.FailedPrecondition or Google.Rpc.Code.OutOfRange => 400,
            Google.Rpc.Code.DeadlineExceeded => 504,
            Google.Rpc.Code.NotFound => 404,
            Google.Rpc.Code.AlreadyExists or Google.Rpc.Code.Aborted => 409,
            Google.Rpc.Code.PermissionDenied => 403,
            Google.Rpc.Code.Unauthenticated => 401,
            Google.Rpc.Code.ResourceExhausted => 429,
            Google.Rpc.Code.Unimplemented => 501,
            Google.Rpc.Code.Unavailable => 503,
            _ => 500,
        };

        private static RetryPolicy ParseRetry(string text) => text switch
        {
            "transient" => RetryPolicy.Transient,
            "throttled" => RetryPolicy.Throttled,
            "reauthenticate" => RetryPolicy.Reauthenticate,
            _ => RetryPolicy.Never,
        };

        private sealed class JsonKindException : TaxonomyException
        {
            private readonly Dictionary<string, string>? _fields;

            public JsonKindException(KindInfo kind, in TaxonomyExceptionInit init, Dictionary<string, string>? fields)
                : base(kind, init)
            {
                _fields = fields;
            }

            protected override void WriteMetadata(IDictionary<string, string> metadata)
            {
                foreach (var field in _fields ?? new Dictionary<string, string>())
                {
                    metadata[field.Key] = field.Value;
                }
            }
        }
    }
}
