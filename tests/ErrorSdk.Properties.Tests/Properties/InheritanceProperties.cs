using System;
using System.Linq;
using System.Reflection;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Harness;
using ErrorSdk.Properties.Tests.Model;
using CsCheck;
using Xunit;

namespace ErrorSdk.Properties.Tests.Properties
{
    /// <summary>
    /// Invariant 4: an instance of a kind is its own interface and the interface of each of its ancestors, by any
    /// path, and no other kind's interface. Also the shape behind it: the class derives from its first parent's
    /// class, each interface extends its parents' interfaces and exposes the kind's own fields read-only, and
    /// <see cref="ErrorChain.Find{T}"/> finds the error by any ancestor interface through wrapping.
    /// </summary>
    public sealed class InheritanceProperties
    {
        private static readonly MethodInfo Find = typeof(ErrorChain).GetMethod(nameof(ErrorChain.Find))!;

        [Fact]
        public void An_error_is_exactly_its_own_and_its_ancestors_interfaces()
        {
            var cases =
                from model in RandomTaxonomy.Taxonomy()
                from layout in JsonLayout.Random()
                from values in RoundTripProperties.ValuesForEveryKind(new ResolvedTaxonomy(model))
                select new TaxonomyCase<KindValues[]>(model, layout, values);

            PropertyCheck.ForAll(cases, PropertyBudget.InheritanceTaxonomies, c =>
            {
                using var compiled = CompiledTaxonomy.Compile(c.Model, c.Layout);
                foreach (var kind in compiled.Expected.Kinds)
                {
                    ExpectTypes(compiled, kind);
                }

                foreach (var values in c.Values)
                {
                    ExpectInstance(compiled, values);
                }
            });
        }

        private static void ExpectTypes(CompiledTaxonomy compiled, ResolvedKind kind)
        {
            var type = compiled.ExceptionType(kind);
            var self = compiled.InterfaceType(kind);
            var expectedBase = kind.Model.Parents.Count == 0 ? typeof(TaxonomyException) : compiled.ExceptionType(compiled.Expected[kind.Model.Parents[0]]);
            Expect.Equal(expectedBase, type.BaseType, kind.Reason + ": base class is the first parent's class");
            Expect.True(self.IsInterface, kind.Reason + ": " + self.Name + " is an interface");

            foreach (var other in compiled.Expected.Kinds)
            {
                var otherInterface = compiled.InterfaceType(other);
                bool expected = other.Reason == kind.Reason || kind.Ancestors.Contains(other.Reason);
                Expect.Equal(expected, otherInterface.IsAssignableFrom(type), kind.Reason + ": class is " + otherInterface.Name);
                Expect.Equal(expected, otherInterface.IsAssignableFrom(self), kind.Reason + ": " + self.Name + " extends " + otherInterface.Name);
            }

            // The interface exposes the kind's own fields (docs/design.md), read-only, typed as the class's properties.
            var declared = self.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Expect.Equal(
                string.Join(",", kind.Model.Fields.Select(f => f.PropertyName).OrderBy(n => n, StringComparer.Ordinal)),
                string.Join(",", declared.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)),
                kind.Reason + ": properties of " + self.Name);
            foreach (var property in declared)
            {
                Expect.True(property.CanRead && !property.CanWrite, kind.Reason + ": " + self.Name + "." + property.Name + " is read-only");
                Expect.Equal(type.GetProperty(property.Name)?.PropertyType, property.PropertyType, kind.Reason + ": " + self.Name + "." + property.Name + " type");
            }
        }

        private static void ExpectInstance(CompiledTaxonomy compiled, KindValues values)
        {
            var error = compiled.Raise(values);
            var wrapped = new AggregateException(new InvalidOperationException("outer", new Exception("middle", error)));
            foreach (var other in compiled.Expected.Kinds)
            {
                var otherInterface = compiled.InterfaceType(other);
                bool expected = other.Reason == values.Kind.Reason || values.Kind.Ancestors.Contains(other.Reason);
                Expect.Equal(expected, otherInterface.IsInstanceOfType(error), values + ": is " + otherInterface.Name);
                var found = Find.MakeGenericMethod(otherInterface).Invoke(null, new object?[] { wrapped });
                Expect.True(expected ? ReferenceEquals(found, error) : found is null, values + ": ErrorChain.Find<" + otherInterface.Name + "> through AggregateException and InnerException");
            }
        }
    }
}
