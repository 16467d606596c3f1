using System;
using System.Collections.Generic;
using System.Linq;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 2: the generated tables agree with each other and with the taxonomy. For every kind,
    /// <c>CodeOf</c>/<c>HttpStatusOf</c>/<c>RetryOf</c>/<c>ReasonOf</c>/<c>KindOf</c> of its enum value, its
    /// <see cref="KindInfo"/> (in <c>IErrorTaxonomy.Kinds</c> and in <c>{Name}Kinds</c>) and the properties of an
    /// instance all say what the JSON declares after inheritance, computed independently by <see cref="ResolvedTaxonomy"/>.
    /// Invariant 3 (positive half): every generated kind satisfies the code/retry rule.
    /// </summary>
    public sealed class TablesProperties
    {
        [Fact]
        public void Tables_KindInfo_and_instances_say_what_the_taxonomy_declares()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from values in RoundTripProperties.ValuesForEveryKind(new ResolvedTaxonomy(model))
                select new TaxonomyCase<KindValues[]>(model, layout, values);

            PropertyCheck.ForAll(cases, PropertyBudget.TableTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                ExpectTaxonomy(compiled);
                foreach (var kind in compiled.Expected.Kinds)
                {
                    ExpectTables(compiled, kind);
                    ExpectKindInfo(compiled, kind);
                    ExpectConstructorShape(compiled, kind);
                }

                foreach (var values in c.Values)
                {
                    ExpectInstance(compiled, values);
                }
            });
        }

        private static void ExpectTaxonomy(CompiledTaxonomy compiled)
        {
            var expected = compiled.Expected;
            Expect.Equal(expected.Model.Domain, compiled.Instance.Domain, "IErrorTaxonomy.Domain");
            Expect.Equal(expected.Model.Domain, compiled.TaxonomyType.GetField("DomainName")?.GetValue(null), "DomainName");

            var numbers = compiled.Instance.Kinds.Select(k => k.Number).ToList();
            Expect.Equal(
                string.Join(",", expected.Kinds.Select(k => k.Model.Number).OrderBy(n => n)),
                string.Join(",", numbers),
                "IErrorTaxonomy.Kinds: every kind once, ordered by number");

            // The enum: Unspecified = 0, then one member per kind, named in PascalCase, valued by its number.
            var members = Enum.GetNames(compiled.ReasonType)
                .Select(n => n + "=" + Convert.ToInt64(Enum.Parse(compiled.ReasonType, n), System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(s => s, StringComparer.Ordinal);
            var expectedMembers = expected.Kinds.Select(k => k.PascalName + "=" + k.Model.Number).Append("Unspecified=0").OrderBy(s => s, StringComparer.Ordinal);
            Expect.Equal(string.Join(", ", expectedMembers), string.Join(", ", members), "reason enum members");

            var unspecified = Enum.ToObject(compiled.ReasonType, 0);
            Expect.True(Throws<ArgumentOutOfRangeException>(() => compiled.Static("CodeOf", unspecified)), "CodeOf(Unspecified) throws ArgumentOutOfRangeException");

            // Values that are no kind's number (holes between numbers, past the largest, negative) are not kinds, whether
            // the generator chose a number-indexed table (dense numbers) or the binary search (sparse numbers).
            var taken = new HashSet<long>(expected.Kinds.Select(k => (long)k.Model.Number));
            long largest = taken.Max();
            var outsiders = new[] { -1L, int.MinValue, largest + 1, largest / 2, int.MaxValue }
                .Concat(taken.Select(n => n + 1)).Concat(taken.Select(n => n - 1))
                .Where(n => n != 0 && n >= int.MinValue && n <= int.MaxValue && !taken.Contains(n))
                .Distinct()
                .Take(12);
            foreach (var number in outsiders)
            {
                var outsider = Enum.ToObject(compiled.ReasonType, (int)number);
                Expect.True(Throws<ArgumentOutOfRangeException>(() => compiled.Static("KindOf", outsider)), "KindOf(" + number + ") throws ArgumentOutOfRangeException");
                Expect.True(Throws<ArgumentOutOfRangeException>(() => compiled.Static("RetryOf", outsider)), "RetryOf(" + number + ") throws ArgumentOutOfRangeException");
            }
            foreach (var text in new[] { "NOT_A_KIND_OF_THIS_TAXONOMY", "Unspecified", "UNSPECIFIED", string.Empty })
            {
                var args = new object?[] { text, null };
                Expect.Equal(false, compiled.Static("TryParseReason", args), "TryParseReason(\"" + text + "\")");
                Expect.Equal(null, compiled.Instance.Create(text, null), "Create(\"" + text + "\")");
            }
        }

        private static void ExpectTables(CompiledTaxonomy compiled, ResolvedKind kind)
        {
            var reason = compiled.ReasonValue(kind);
            var where = kind.Reason;
            Expect.Equal((Google.Rpc.Code)kind.CodeValue, compiled.Static("CodeOf", reason), where + ": CodeOf");
            Expect.Equal(kind.HttpStatus, compiled.Static("HttpStatusOf", reason), where + ": HttpStatusOf");
            Expect.Equal(kind.Retry, compiled.Static("RetryOf", reason), where + ": RetryOf");
            Expect.Equal(kind.Reason, compiled.Static("ReasonOf", reason), where + ": ReasonOf");
            var args = new object?[] { kind.Reason, null };
            Expect.Equal(true, compiled.Static("TryParseReason", args), where + ": TryParseReason");
            Expect.Equal(reason, args[1], where + ": TryParseReason value");

            var info = compiled.Instance.Kinds.Single(k => k.Reason == kind.Reason);
            Expect.True(ReferenceEquals(info, compiled.Static("KindOf", reason)), where + ": KindOf is the KindInfo of IErrorTaxonomy.Kinds");
            Expect.True(ReferenceEquals(info, compiled.KindsMember(kind)), where + ": {Name}Kinds." + kind.PascalName + " is the same KindInfo");
            Expect.True(GrpcCodes.IsConsistent(GrpcCodes.Errors.First(e => e.Value == (int)info.Code).Name, info.Retry), where + ": invariant 3 holds");
        }

        private static void ExpectKindInfo(CompiledTaxonomy compiled, ResolvedKind kind)
        {
            var info = compiled.Instance.Kinds.Single(k => k.Reason == kind.Reason);
            var where = kind.Reason + ": KindInfo.";
            Expect.Equal(compiled.Expected.Model.Domain, info.Domain, where + "Domain");
            Expect.Equal(kind.Model.Number, info.Number, where + "Number");
            Expect.Equal((Google.Rpc.Code)kind.CodeValue, info.Code, where + "Code");
            Expect.Equal(kind.HttpStatus, info.HttpStatus, where + "HttpStatus");
            Expect.Equal(kind.Retry, info.Retry, where + "Retry");
            Expect.Equal(kind.Retry != RetryPolicy.Never, info.IsRetryable, where + "IsRetryable");
            Expect.Equal(string.Join(",", kind.Model.Parents), string.Join(",", info.Parents), where + "Parents (in order)");
            Expect.Equal(string.Join(",", kind.Ancestors.OrderBy(a => a, StringComparer.Ordinal)), string.Join(",", info.Ancestors.OrderBy(a => a, StringComparer.Ordinal)), where + "Ancestors");
            Expect.Equal(info.Ancestors.Count, info.Ancestors.Distinct().Count(), where + "Ancestors without repeats");
            Expect.Equal(kind.Model.IsAbstract, info.IsAbstract, where + "IsAbstract");
            Expect.Equal(kind.MessageTemplate, info.MessageTemplate, where + "MessageTemplate");
            Expect.Equal(kind.Model.Description, info.Description, where + "Description");
            Expect.Equal(kind.Model.Deprecated, info.Deprecated, where + "Deprecated");
            Expect.Equal(string.Join(",", kind.Model.MatchHttpStatus), string.Join(",", info.HttpStatusMatch), where + "HttpStatusMatch");
            Expect.Equal(string.Join(",", kind.Model.MatchTransport), string.Join(",", info.TransportMatch), where + "TransportMatch");
            Expect.Equal(
                string.Join(", ", kind.AllFields.Select(f => f.Name + ":" + f.Type + (f.Optional ? "?" : string.Empty) + (f.Sensitive ? "!" : string.Empty) + ":" + (f.Description ?? string.Empty))),
                string.Join(", ", info.Fields.Select(f => f.Name + ":" + f.Type + (f.IsOptional ? "?" : string.Empty) + (f.IsSensitive ? "!" : string.Empty) + ":" + f.Description)),
                where + "Fields (first-parent chain, root first)");
        }

        /// <summary>docs/design.md: fields as named parameters, required ones first (ancestors' first), then retryAfter, developerMessage, innerException.</summary>
        private static void ExpectConstructorShape(CompiledTaxonomy compiled, ResolvedKind kind)
        {
            var type = compiled.ExceptionType(kind);
            var constructors = type.GetConstructors();
            if (kind.Model.IsAbstract)
            {
                Expect.True(type.IsAbstract || constructors.Length == 0, kind.Reason + ": an abstract kind cannot be raised (abstract class or no public constructor)");
                return;
            }

            var constructor = Assert.Single(constructors);
            var expected = kind.AllFields.Where(f => !f.Optional).Concat(kind.AllFields.Where(f => f.Optional)).Select(f => f.Name)
                .Concat(new[] { "retryAfter", "developerMessage", "innerException" });
            Expect.Equal(string.Join(", ", expected), string.Join(", ", constructor.GetParameters().Select(p => p.Name)), kind.Reason + ": constructor parameters");
            foreach (var field in kind.AllFields)
            {
                var property = type.GetProperty(field.PropertyName);
                Expect.True(property is not null && property.CanRead && property.SetMethod is null, kind.Reason + ": read-only property " + field.PropertyName);
                var clr = ClrType(field.Type);
                var actual = property!.PropertyType;
                Expect.Equal(clr, Nullable.GetUnderlyingType(actual) ?? actual, kind.Reason + ": type of " + field.PropertyName);
                if (clr.IsValueType)
                {
                    Expect.Equal(field.Optional, Nullable.GetUnderlyingType(actual) is not null, kind.Reason + ": " + field.PropertyName + " is nullable exactly when optional");
                }
            }
        }

        private static void ExpectInstance(CompiledTaxonomy compiled, KindValues values)
        {
            var kind = values.Kind;
            var error = compiled.Raise(values);
            var info = compiled.Instance.Kinds.Single(k => k.Reason == kind.Reason);
            var where = values + ": instance.";
            Expect.True(ReferenceEquals(info, error.Kind), where + "Kind is the KindInfo");
            Expect.Equal(kind.Reason, error.Reason, where + "Reason");
            Expect.Equal(compiled.Expected.Model.Domain, error.Domain, where + "Domain");
            Expect.Equal((Google.Rpc.Code)kind.CodeValue, error.Code, where + "Code");
            Expect.Equal(kind.HttpStatus, error.HttpStatus, where + "HttpStatus");
            Expect.Equal(kind.Retry, error.Retry, where + "Retry");
            Expect.Equal(kind.Retry != RetryPolicy.Never, error.IsRetryable, where + "IsRetryable");
            Expect.Equal(kind.CodeValue, error.ToStatus().Code, where + "ToStatus().Code");
        }

        internal static Type ClrType(FieldType type) => type switch
        {
            FieldType.String => typeof(string),
            FieldType.Int => typeof(int),
            FieldType.Bool => typeof(bool),
            FieldType.Duration => typeof(TimeSpan),
            _ => typeof(Uri),
        };

        private static bool Throws<T>(Action action)
            where T : Exception
        {
            try
            {
                action();
                return false;
            }
            catch (T)
            {
                return true;
            }
        }
    }
}
