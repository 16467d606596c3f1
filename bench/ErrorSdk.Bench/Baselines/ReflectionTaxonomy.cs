using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Any = Google.Protobuf.WellKnownTypes.Any;
using Duration = Google.Protobuf.WellKnownTypes.Duration;
using Type = System.Type;

namespace ErrorSdk.Bench.Baselines
{
    /// <summary>
    /// The reflection baseline: a registry the way many hand-rolled ones are built. At startup it reads
    /// <c>taxonomy.json</c> and maps each reason to its exception <see cref="Type"/> by naming convention
    /// (<c>Dictionary&lt;string, Type&gt;</c>, plus one for aliases and one for fallback codes); at run time it
    /// looks the type up and builds the exception with <see cref="Activator.CreateInstance(Type, BindingFlags, Binder, object[], CultureInfo)"/>
    /// on the same internal promoted constructor the generated code calls.
    /// </summary>
    /// <remarks>
    /// Classification reads each kind's <see cref="KindInfo"/> once, by reflection, into a
    /// <c>Dictionary&lt;string, KindInfo&gt;</c>. <see cref="ToStatus"/> reads field values with
    /// <see cref="PropertyInfo.GetValue(object)"/> (property lists cached per type). <see cref="Find"/> takes the
    /// wanted type as a <see cref="Type"/> and tests with <see cref="Type.IsInstanceOfType"/>.
    /// </remarks>
    internal sealed class ReflectionTaxonomy
    {
        private const BindingFlags PromotedConstructor = BindingFlags.Instance | BindingFlags.NonPublic;

        private readonly string _domain;
        private readonly Dictionary<string, Type> _byReason = new Dictionary<string, Type>(StringComparer.Ordinal);
        private readonly Dictionary<(string Reason, int Code), Type> _byAlias = new Dictionary<(string, int), Type>();
        private readonly Dictionary<int, Type> _byCode = new Dictionary<int, Type>();
        private readonly Dictionary<string, KindInfo> _kinds = new Dictionary<string, KindInfo>(StringComparer.Ordinal);
        private readonly Dictionary<Type, (PropertyInfo Property, string Key)[]> _fields = new Dictionary<Type, (PropertyInfo, string)[]>();

        private ReflectionTaxonomy(string path, Assembly assembly)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            _domain = root.GetProperty("domain").GetString()!;
            var ns = root.GetProperty("namespace").GetString()!;
            var kindsType = assembly.GetType(ns + "." + root.GetProperty("name").GetString() + "Kinds", throwOnError: true)!;
            foreach (var kind in root.GetProperty("kinds").EnumerateObject())
            {
                var pascal = Pascal(kind.Name);
                _kinds[kind.Name] = (KindInfo)kindsType.GetField(pascal, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                if (kind.Value.TryGetProperty("abstract", out var isAbstract) && isAbstract.GetBoolean())
                {
                    continue;
                }

                var type = assembly.GetType(ns + "." + pascal + "Exception", throwOnError: true)!;
                _byReason[kind.Name] = type;
                if (kind.Value.TryGetProperty("aliases", out var aliases))
                {
                    foreach (var alias in aliases.EnumerateArray())
                    {
                        _byAlias[(alias.GetProperty("reason").GetString()!, CodeValue(alias.GetProperty("code").GetString()!))] = type;
                    }
                }

                if (kind.Value.TryGetProperty("fallback_for", out var codes))
                {
                    foreach (var code in codes.EnumerateArray())
                    {
                        _byCode[CodeValue(code.GetString()!)] = type;
                    }
                }
            }
        }

        /// <summary>The registry of the default taxonomy, read from the taxonomy.json copied beside the program.</summary>
        public static ReflectionTaxonomy Default { get; } =
            new ReflectionTaxonomy(Path.Combine(AppContext.BaseDirectory, "taxonomy.json"), typeof(ReflectionTaxonomy).Assembly);

        /// <summary>Routes a received status: alias, reason, fallback code, else unclassified.</summary>
        public TaxonomyException Promote(Google.Rpc.Status? status)
        {
            var received = ReceivedError.Read(status, _domain);
            Type? type = null;
            if (received.IsTaxonomyDomain && received.Reason is { } reason && !_byAlias.TryGetValue((reason, (int)received.Code), out type))
            {
                _byReason.TryGetValue(reason, out type);
            }

            if (type is null && !_byCode.TryGetValue((int)received.Code, out type))
            {
                return new UnclassifiedException(received);
            }

            return (TaxonomyException)Activator.CreateInstance(type, PromotedConstructor, null, new object[] { received }, CultureInfo.InvariantCulture)!;
        }

        /// <summary>Retry policy by reason string.</summary>
        public RetryPolicy RetryOf(string reason) => _kinds[reason].Retry;

        /// <summary>gRPC code by reason string.</summary>
        public Google.Rpc.Code CodeOf(string reason) => _kinds[reason].Code;

        /// <summary>Whether an error may be retried, by its reason.</summary>
        public bool IsRetryable(TaxonomyException exception) => _kinds[exception.Reason].Retry != RetryPolicy.Never;

        /// <summary>The wire form: field values read by reflection into a CommonProtos ErrorInfo.</summary>
        public Google.Rpc.Status ToStatus(TaxonomyException exception)
        {
            var info = new Google.Rpc.ErrorInfo { Reason = exception.Reason, Domain = exception.Domain };
            foreach (var (property, key) in FieldsOf(exception))
            {
                switch (property.GetValue(exception))
                {
                    case null:
                        break;
                    case TimeSpan duration:
                        info.Metadata[key] = FieldCodec.FormatDuration(duration);
                        break;
                    case bool flag:
                        info.Metadata[key] = FieldCodec.FormatBool(flag);
                        break;
                    case IFormattable formattable:
                        info.Metadata[key] = formattable.ToString(null, CultureInfo.InvariantCulture);
                        break;
                    case var value:
                        info.Metadata[key] = value.ToString()!;
                        break;
                }
            }

            var status = new Google.Rpc.Status { Code = (int)exception.Code, Message = exception.Message };
            status.Details.Add(Any.Pack(info));
            if (exception.RetryAfter is { } delay)
            {
                status.Details.Add(Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
            }

            return status;
        }

        /// <summary>The first exception assignable to <paramref name="type"/> down the chain, aggregates included.</summary>
        public static object? Find(Exception? exception, Type type, int depth = 0)
        {
            for (; exception is not null && depth < 64; depth++)
            {
                if (type.IsInstanceOfType(exception))
                {
                    return exception;
                }

                if (exception is AggregateException aggregate)
                {
                    var inners = aggregate.InnerExceptions;
                    for (int i = 0; i < inners.Count; i++)
                    {
                        if (Find(inners[i], type, depth + 1) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
                }

                exception = exception.InnerException;
            }

            return null;
        }

        private (PropertyInfo Property, string Key)[] FieldsOf(TaxonomyException exception)
        {
            var type = exception.GetType();
            lock (_fields)
            {
                if (!_fields.TryGetValue(type, out var fields))
                {
                    var list = new List<(PropertyInfo, string)>();
                    foreach (var field in _kinds[exception.Reason].Fields)
                    {
                        if (!field.IsSensitive)
                        {
                            list.Add((type.GetProperty(char.ToUpperInvariant(field.Name[0]) + field.Name.Substring(1))!, field.Name));
                        }
                    }

                    _fields[type] = fields = list.ToArray();
                }

                return fields;
            }
        }

        private static int CodeValue(string name) => (int)Enum.Parse<Google.Rpc.Code>(Pascal(name));

        private static string Pascal(string reason)
        {
            var builder = new StringBuilder(reason.Length);
            foreach (var word in reason.Split('_'))
            {
                builder.Append(word[0]).Append(word.Substring(1).ToLowerInvariant());
            }

            return builder.ToString();
        }
    }
}
