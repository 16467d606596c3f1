using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using ErrorSdk.Taxonomy;
using Xunit;

namespace ErrorSdk.Hardening.Tests.Concurrency
{
    /// <summary>
    /// The generated code holds no mutable static state: every static field is const or readonly, no static property has a
    /// setter, and nothing a caller can reach from a static field can be changed (no non-empty array, no mutable collection,
    /// every field of every reachable object readonly). Private readonly lookup arrays are allowed: only the type initializer
    /// writes them and they are never handed out. Checked by reflection over the generated assembly of the default taxonomy.
    /// </summary>
    public class StaticStateTests
    {
        private const BindingFlags StaticMembers = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        [Fact]
        public void Generated_code_has_no_mutable_static_state()
        {
            var assembly = typeof(ErrorSdkTaxonomy).Assembly;
            var problems = new List<string>();
            var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
            int staticFields = 0;
            var privateTables = new List<string>();
            foreach (var type in assembly.GetTypes())
            {
                foreach (var field in type.GetFields(StaticMembers))
                {
                    staticFields++;
                    var name = type.FullName + "." + field.Name;
                    if (field.IsLiteral)
                    {
                        continue;
                    }

                    if (!field.IsInitOnly)
                    {
                        problems.Add(name + " is a static field that is not readonly");
                        continue;
                    }

                    var value = field.GetValue(null);
                    if (!field.IsPublic && !field.IsFamily && value is Array)
                    {
                        // A private lookup table (the routing's sorted reasons and numbers): readonly, written only by the
                        // type initializer and never handed out, so no caller can change it.
                        privateTables.Add(name);
                        continue;
                    }

                    CheckImmutable(value, name, problems, visited);
                }

                foreach (var property in type.GetProperties(StaticMembers))
                {
                    if (property.SetMethod is not null)
                    {
                        problems.Add(type.FullName + "." + property.Name + " is a static property with a setter");
                    }
                }
            }

            Assert.Empty(problems);
            // The default taxonomy has a KindInfo per kind, the All list and the singleton: the walk saw real state.
            Assert.True(staticFields > ErrorSdkKinds.All.Count, staticFields + " static fields");
            Assert.Contains(ErrorSdkKinds.All[0], visited);
            Assert.Contains(ErrorSdkTaxonomy.Instance, visited);
        }

        [Fact]
        public void The_walk_finds_mutable_state_when_there_is_some()
        {
            var problems = new List<string>();
            CheckImmutable(new MutableHolder(), "holder", problems, new HashSet<object>(ReferenceEqualityComparer.Instance));
            Assert.Equal(3, problems.Count);
        }

        private static void CheckImmutable(object? value, string path, List<string> problems, HashSet<object> visited)
        {
            if (value is null or string or Type or Enum || value.GetType().IsPrimitive || value is decimal or TimeSpan or Uri)
            {
                return;
            }

            if (!visited.Add(value))
            {
                return;
            }

            var type = value.GetType();
            switch (value)
            {
                case Array array:
                    if (array.Length > 0)
                    {
                        problems.Add(path + " is a non-empty array (its elements can be replaced)");
                    }

                    return;
                case IEnumerable items when IsReadOnlyWrapper(type):
                    int index = 0;
                    foreach (var item in items)
                    {
                        CheckImmutable(item, path + "[" + index++ + "]", problems, visited);
                    }

                    return;
                case IEnumerable when type.Namespace is "System.Collections.Generic" or "System.Collections":
                    problems.Add(path + " is a mutable collection (" + type.Name + ")");
                    return;
            }

            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                foreach (var field in declaring.GetFields(InstanceFields | BindingFlags.DeclaredOnly))
                {
                    var fieldPath = path + "." + field.Name;
                    if (!field.IsInitOnly)
                    {
                        problems.Add(fieldPath + " is a field that is not readonly");
                        continue;
                    }

                    CheckImmutable(field.GetValue(value), fieldPath, problems, visited);
                }
            }
        }

        // ReadOnlyCollection and the like: their items are what a caller reaches; the wrapped list is not.
        private static bool IsReadOnlyWrapper(Type type) =>
            type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ReadOnlyCollection<>) || type.GetGenericTypeDefinition() == typeof(ReadOnlyDictionary<,>));

        private sealed class MutableHolder
        {
            public int Counter = 1;
            public readonly int[] Numbers = { 1 };
            public readonly List<string> Names = new List<string>();
        }
    }
}
