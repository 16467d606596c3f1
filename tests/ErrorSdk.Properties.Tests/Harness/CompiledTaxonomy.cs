using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using ErrorSdk.Properties.Tests.Generation;
using ErrorSdk.Properties.Tests.Model;
using ErrorSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorSdk.Properties.Tests.Harness
{
    /// <summary>
    /// A random taxonomy run through the generator in memory, compiled with no error and no warning, and loaded into
    /// a collectible context; the generated API reached by reflection (names from docs/design.md "Public surface").
    /// Disposing unloads it.
    /// </summary>
    internal sealed class CompiledTaxonomy : IDisposable
    {
        public const string Path = "/props/taxonomy.json";

        private readonly LoadedAssembly _loaded;

        private CompiledTaxonomy(ResolvedTaxonomy expected, TaxonomyText text, LoadedAssembly loaded)
        {
            Expected = expected;
            Text = text;
            _loaded = loaded;
            var prefix = expected.Model.Namespace + "." + expected.Model.Name;
            TaxonomyType = loaded.Type(prefix + "Taxonomy");
            ReasonType = loaded.Type(prefix + "Reason");
            KindsType = loaded.Type(prefix + "Kinds");
            var instance = TaxonomyType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            Instance = Assert.IsAssignableFrom<IErrorTaxonomy>(instance);
        }

        /// <summary>What the taxonomy must compile to.</summary>
        public ResolvedTaxonomy Expected { get; }

        public TaxonomyText Text { get; }

        public IErrorTaxonomy Instance { get; }

        public Type TaxonomyType { get; }

        public Type ReasonType { get; }

        public Type KindsType { get; }

        /// <summary>Generates, compiles and loads; fails with the JSON and every diagnostic when anything is reported.</summary>
        public static CompiledTaxonomy Compile(TaxonomyModel model, JsonLayout layout)
        {
            var text = TaxonomyJson.Write(model, layout);
            var run = GeneratorHarness.Run(text.Json, Path);
            var generatorProblems = run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Hidden).ToList();
            if (generatorProblems.Count > 0)
            {
                Assert.Fail("The generator rejected a valid random taxonomy:\n" + Describe(generatorProblems) + "\n" + text.Json);
            }

            var compileProblems = GeneratorHarness.Problems(run.Output.GetDiagnostics());
            if (compileProblems.Count > 0)
            {
                Assert.Fail("The generated code does not compile cleanly:\n" + Describe(compileProblems) + "\n" + text.Json);
            }

            return new CompiledTaxonomy(new ResolvedTaxonomy(model), text, GeneratorHarness.Load(run.Output));
        }

        /// <summary>Diagnostics with their file, line and the source line they point at.</summary>
        public static string Describe(IEnumerable<Diagnostic> diagnostics)
        {
            var text = new StringBuilder();
            foreach (var d in diagnostics.Take(20))
            {
                text.Append(d).Append('\n');
                if (d.Location.SourceTree is { } tree)
                {
                    var line = d.Location.GetLineSpan().StartLinePosition.Line;
                    text.Append("    | ").Append(tree.GetText().Lines[line].ToString().Trim()).Append('\n');
                }
            }

            return text.ToString();
        }

        public Type ExceptionType(ResolvedKind kind) => _loaded.Type(Expected.Model.Namespace + "." + kind.PascalName + "Exception");

        public Type InterfaceType(ResolvedKind kind) => _loaded.Type(Expected.Model.Namespace + ".I" + kind.PascalName);

        /// <summary>The reason enum value of <paramref name="kind"/> (its number).</summary>
        public object ReasonValue(ResolvedKind kind) => Enum.ToObject(ReasonType, kind.Model.Number);

        public object? Static(string method, params object?[] args) => _loaded.InvokeStatic(TaxonomyType.FullName!, method, args);

        /// <summary>The static <c>{Name}Kinds.{Pascal}</c> KindInfo.</summary>
        public KindInfo KindsMember(ResolvedKind kind)
        {
            var member = KindsType.GetField(kind.PascalName, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                         ?? KindsType.GetProperty(kind.PascalName, BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            return Assert.IsType<KindInfo>(member);
        }

        /// <summary>The static <c>Promote</c> of the generated class (the instance one is <see cref="Instance"/>'s).</summary>
        public TaxonomyException StaticPromote(Google.Rpc.Status status) => Assert.IsAssignableFrom<TaxonomyException>(Static("Promote", status));

        /// <summary>Raises the error of <paramref name="values"/> through Create or the public constructor, as the case says.</summary>
        public TaxonomyException Raise(KindValues values, Exception? innerException = null)
        {
            var options = new TaxonomyExceptionOptions(values.RetryAfter, values.DeveloperMessage, innerException);
            if (values.ViaCreate)
            {
                var fields = values.Values.ToDictionary(v => v.Field.Name, v => v.Text, StringComparer.Ordinal);
                var created = Instance.Create(values.Kind.Reason, fields, options);
                return Assert.IsAssignableFrom<TaxonomyException>(created);
            }

            return Construct(values, options);
        }

        /// <summary>Calls the public constructor: every field as a named parameter, then retryAfter, developerMessage, innerException.</summary>
        public TaxonomyException Construct(KindValues values, TaxonomyExceptionOptions options)
        {
            var type = ExceptionType(values.Kind);
            var fieldCount = values.Kind.AllFields.Count;
            var constructor = Assert.Single(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length == fieldCount + 3);
            var parameters = constructor.GetParameters();
            var args = new object?[parameters.Length];
            for (int i = 0; i < fieldCount; i++)
            {
                var field = Assert.Single(values.Kind.AllFields, f => f.Name == parameters[i].Name);
                args[i] = values.ValueOf(field)?.Typed;
            }

            args[fieldCount] = options.RetryAfter;
            args[fieldCount + 1] = options.DeveloperMessage;
            args[fieldCount + 2] = options.InnerException;
            try
            {
                return Assert.IsAssignableFrom<TaxonomyException>(constructor.Invoke(args));
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException("The constructor of " + type.Name + " threw for " + values, e.InnerException);
            }
        }

        /// <summary>The value of the property of <paramref name="field"/> on <paramref name="error"/>.</summary>
        public static object? Property(TaxonomyException error, FieldModel field)
        {
            var property = error.GetType().GetProperty(field.PropertyName, BindingFlags.Public | BindingFlags.Instance)
                           ?? throw new InvalidOperationException(error.GetType().Name + " has no property " + field.PropertyName);
            return property.GetValue(error);
        }

        public void Dispose() => _loaded.Dispose();
    }
}
