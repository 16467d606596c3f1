using System;

namespace ErrorSdk.Cli
{
    /// <summary>The <c>errorsdk</c> executable.</summary>
    internal static class Program
    {
        private static int Main(string[] args) => ErrorSdkCli.Run(args, Console.Out, Console.Error);
    }
}
