using System.Linq;
using System.Reflection;
using ErrorSdk.Generator.Validation;
using Xunit;

namespace ErrorSdk.Generator.Tests.Validation
{
    /// <summary>The validator's list of inherited member names is the real TaxonomyException's, read by reflection.</summary>
    public sealed class BaseExceptionMembersTests
    {
        [Fact]
        public void ListIsExactlyTheMembersAGeneratedExceptionInherits()
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
            var inherited = typeof(TaxonomyException).GetMembers(All)
                .Where(member => member is not ConstructorInfo && member is not System.Type && IsVisibleToDerivedClass(member))
                .Where(member => member is not MethodInfo { IsSpecialName: true })
                .Select(member => member.Name)
                .ToHashSet();

            Assert.Equal(inherited.OrderBy(n => n, System.StringComparer.Ordinal), NameRules.BaseExceptionMembers.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void GeneratedMembersAreNotInherited()
        {
            Assert.All(NameRules.GeneratedExceptionMembers, name => Assert.DoesNotContain(name, NameRules.BaseExceptionMembers));
        }

        private static bool IsVisibleToDerivedClass(MemberInfo member) => member switch
        {
            MethodBase method => IsVisible(method),
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
            EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
            System.Reflection.FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
            _ => false,
        };

        private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
    }
}
