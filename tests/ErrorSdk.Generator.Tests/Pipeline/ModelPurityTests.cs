using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ErrorSdk.Generator.Model;
using ErrorSdk.Generator.Parsing;
using Xunit;

namespace ErrorSdk.Generator.Tests.Pipeline
{
    /// <summary>
    /// The pipeline's models hold plain values only: no ISymbol, Compilation, SyntaxNode, SyntaxTree, Location or
    /// any other Roslyn type, which would root compilations and defeat caching.
    /// </summary>
    public sealed class ModelPurityTests
    {
        private static readonly HashSet<Type> Leaves = new HashSet<Type>
        {
            typeof(string), typeof(bool), typeof(int), typeof(long), typeof(char), typeof(byte), typeof(double),
        };

        [Theory]
        [InlineData(typeof(TaxonomySpec))]
        [InlineData(typeof(TaxonomyParseResult))]
        [InlineData(typeof(TaxonomyGenerator.TaxonomySet))]
        public void ModelGraph_HoldsNoRoslynTypes(Type root)
        {
            var seen = new HashSet<Type>();
            var offenders = new List<string>();
            Walk(root, root.Name, seen, offenders);
            Assert.True(offenders.Count == 0, string.Join("\n", offenders));
            // The walk does go through EquatableArray<T> into the element types.
            Assert.Contains(typeof(TemplatePart), seen);
        }

        [Fact]
        public void ModelTypes_AreValueEquatable()
        {
            var seen = new HashSet<Type>();
            Walk(typeof(TaxonomyParseResult), "root", seen, new List<string>());
            // Arrays only live inside EquatableArray<T> (checked by the walk), which compares them item by item.
            foreach (var type in seen.Where(t => !Leaves.Contains(t) && !t.IsEnum && !t.IsArray))
            {
                bool equatable = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GenericTypeArguments[0] == type);
                Assert.True(equatable, type + " is not IEquatable<itself>: the pipeline would compare it by reference");
            }
        }

        [Fact]
        public void EqualTaxonomies_GiveEqualSpecs()
        {
            var first = TaxonomyReader.Read("/a/taxonomy.json", TestFiles.SampleTaxonomy, default);
            var second = TaxonomyReader.Read("/a/taxonomy.json", TestFiles.SampleTaxonomy, default);
            Assert.NotNull(first.Spec);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }

        private static void Walk(Type type, string path, HashSet<Type> seen, List<string> offenders)
        {
            if (Leaves.Contains(type) || type.IsEnum || !seen.Add(type))
            {
                return;
            }

            var ns = type.Namespace ?? string.Empty;
            if (ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                offenders.Add(path + ": " + type);
                return;
            }

            if (type == typeof(object) || type.IsInterface || type.IsAbstract && !type.IsSealed)
            {
                // Anything could hide behind it.
                offenders.Add(path + ": open type " + type);
                return;
            }

            if (type.IsArray)
            {
                // A bare array compares by reference; only EquatableArray<T> may hold one.
                if (!path.EndsWith("._items", StringComparison.Ordinal))
                {
                    offenders.Add(path + ": array outside EquatableArray<T>");
                }

                Walk(type.GetElementType()!, path + "[]", seen, offenders);
                return;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                Walk(underlying, path + "?", seen, offenders);
                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.FieldType, path + "." + field.Name, seen, offenders);
            }
        }
    }
}
