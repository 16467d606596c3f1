using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace ErrorSdk.Testing
{
    /// <summary>A generated assembly loaded into its own collectible context; disposing unloads it.</summary>
    public sealed class LoadedAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context;

        /// <summary>Wraps <paramref name="assembly"/>, loaded into <paramref name="context"/>.</summary>
        public LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
        }

        /// <summary>The loaded assembly.</summary>
        public Assembly Assembly { get; }

        /// <summary>A type of the assembly by full name; throws when it is missing.</summary>
        public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

        /// <summary>The generated taxonomy's singleton (<c>Instance</c>), through the runtime interface.</summary>
        public IErrorTaxonomy Taxonomy(string typeName) =>
            (IErrorTaxonomy)Type(typeName).GetProperty("Instance")!.GetValue(null)!;

        /// <summary>Calls the one public static method of that name and arity; rethrows what it throws, unwrapped.</summary>
        public object? InvokeStatic(string typeName, string method, params object?[] args)
        {
            var type = Type(typeName);
            var target = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == method && m.GetParameters().Length == args.Length);
            try
            {
                return target.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        /// <inheritdoc />
        public void Dispose() => _context.Unload();
    }
}
